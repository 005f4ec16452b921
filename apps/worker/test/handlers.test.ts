import { jobSchemas } from "@baken/queue";
import { describe, expect, it } from "vitest";
import { handlers, type Handlers } from "../src/handlers/index.ts";

describe("the worker's handler map", () => {
  it("has a handler for every job name", () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(jobSchemas).sort());
  });

  it("does not compile without one (npm run typecheck holds the @ts-expect-error to it)", () => {
    // @ts-expect-error: "remind-campaign" has no handler
    const missing: Handlers = {
      "deliver-notice": handlers["deliver-notice"],
      "confirm-report": handlers["confirm-report"],
    };
    expect(Object.keys(missing)).toHaveLength(2);
  });
});
