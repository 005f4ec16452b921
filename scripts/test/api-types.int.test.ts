import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, renderApiTypes } from "../lib/api-types.ts";

describe("the console's API types", () => {
  it("are what the api's routes say now", async () => {
    const committed = await readFile(API_TYPES_FILE, "utf8");
    const fresh = await renderApiTypes();
    // Not toEqual: a 3,000-line diff would bury the one thing to do.
    if (fresh !== committed) {
      expect.fail(
        `${API_TYPES_FILE} differs from the api's route schemas: run \`npm run api:types\` and commit the result ` +
          "(then `npm run typecheck` shows what in the console has to follow).",
      );
    }
  });
});
