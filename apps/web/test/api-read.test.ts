import { describe, expect, it } from "vitest";
import { toApiError } from "../src/api/http.ts";
import { arr, tlp } from "../src/api/read.ts";

describe("reading the API's answers", () => {
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

  it("accepts TLP labels in every spelling the API may use", () => {
    expect(tlp("AMBER_STRICT")).toBe("AMBER_STRICT");
    expect(tlp("TLP:AMBER+STRICT")).toBe("AMBER_STRICT");
    expect(tlp("tlp:clear")).toBe("CLEAR");
    expect(tlp("PURPLE")).toBeNull();
  });

  it("finds a list bare or wrapped", () => {
    expect(arr([1, 2], "items")).toEqual([1, 2]);
    expect(arr({ items: [3] }, "lists", "items")).toEqual([3]);
    expect(arr({ nothing: true }, "items")).toEqual([]);
  });
});
