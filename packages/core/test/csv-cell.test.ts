import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "../src/index.ts";

describe("csvCell", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+1+2")).toBe("'+1+2");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
  });

  it("leaves ordinary values and numbers alone, quoting only when needed", () => {
    expect(csvCell("192.0.2.1")).toBe("192.0.2.1");
    expect(csvCell(-1)).toBe("-1");
    expect(csvCell(443)).toBe("443");
    expect(csvCell(null)).toBe("");
    expect(csvCell("Exchange, 2019")).toBe(`"Exchange, 2019"`);
    expect(csvCell(new Date("2026-11-23T10:00:00Z"))).toBe("2026-11-23T10:00:00.000Z");
  });

  it("writes CRLF rows", () => {
    expect(csvRow(["a", 1, null, "=x"])).toBe("a,1,,'=x\r\n");
  });
});
