import { describe, expect, it } from "vitest";
import { toApiError } from "../src/api/http.ts";

describe("the API's error answers", () => {
  it("takes an error's message and its details with line and field", () => {
    const err = toApiError(400, {
      error: "validation",
      message: "No usable rows",
      details: [{ line: 3, field: "ip", message: "not an IP address" }, { message: "no header" }, "junk"],
    });
    expect(err.status).toBe(400);
    expect(err.code).toBe("validation");
    expect(err.message).toBe("No usable rows");
    expect(err.details).toEqual([
      { line: 3, field: "ip", message: "not an IP address" },
      { line: undefined, field: undefined, message: "no header" },
    ]);
  });

  it("says something useful when the body is not the API's", () => {
    expect(toApiError(502, "<html>Bad gateway</html>").message).toBe("The server answered 502");
    expect(toApiError(0, null).message).toMatch(/could not be reached/);
  });
});
