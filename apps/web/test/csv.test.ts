import { describe, expect, it } from "vitest";
import { neutraliseCell, parseCsv, toCsv } from "../src/lib/csv.ts";

describe("CSV the console writes", () => {
  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(neutraliseCell('=HYPERLINK("http://evil.example")')).toBe('\'=HYPERLINK("http://evil.example")');
    expect(neutraliseCell("+32 2 000 00 00")).toBe("'+32 2 000 00 00");
    expect(neutraliseCell("-1+1")).toBe("'-1+1");
    expect(neutraliseCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutraliseCell("\t=1")).toBe("'\t=1");
    expect(neutraliseCell("Gemeente Schelde")).toBe("Gemeente Schelde");
    expect(neutraliseCell(42)).toBe("42");
    expect(neutraliseCell(null)).toBe("");
  });

  it("quotes separators, quotes and line breaks, with CRLF line ends", () => {
    const csv = toCsv(
      ["organization", "state"],
      [
        ['Atlas, "Logistics"', "open"],
        ["=cmd", "line\nbreak"],
      ],
    );
    expect(csv).toBe('organization,state\r\n"Atlas, ""Logistics""",open\r\n\'=cmd,"line\nbreak"\r\n');
    expect(parseCsv(csv)).toEqual([
      ["organization", "state"],
      ['Atlas, "Logistics"', "open"],
      ["'=cmd", "line\nbreak"],
    ]);
  });
});

describe("CSV the console reads", () => {
  it("reads quoted fields, doubled quotes and both line ends", () => {
    expect(parseCsv('ip,hostname\r\n198.18.0.1,"mail.a.example"\n2001:db8::1,"x ""y"""')).toEqual([
      ["ip", "hostname"],
      ["198.18.0.1", "mail.a.example"],
      ["2001:db8::1", 'x "y"'],
    ]);
  });
});
