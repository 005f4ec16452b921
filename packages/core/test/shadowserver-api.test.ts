import { describe, expect, it } from "vitest";
import {
  AppError,
  datesBetween,
  MAX_LIST_DAYS,
  parseReportList,
  reportListBody,
  shadowserverSignature,
} from "../src/index.ts";

describe("Shadowserver Reports API: signing and bodies", () => {
  it("signs the exact body bytes: lower-case hex HMAC-SHA256 under the secret", () => {
    const body = reportListBody("key-1", "2021-03-09");
    expect(body).toBe('{"apikey":"key-1","date":"2021-03-09"}');
    // Computed independently (Python's hmac module).
    expect(shadowserverSignature("shadow-secret", body)).toBe(
      "4ba506b2a7cf0869af39278d768b027adcce152a737c1daaaaa7efccb4db1ab6",
    );
    expect(shadowserverSignature("shadow-secret", Buffer.from(body))).toBe(
      shadowserverSignature("shadow-secret", body),
    );
    expect(shadowserverSignature("shadow-secret", `${body} `)).not.toBe(shadowserverSignature("shadow-secret", body));
  });

  it("adds the mailing lists and report types only when asked", () => {
    expect(JSON.parse(reportListBody("k", "2021-03-09", { types: ["scan_exchange"], reports: [] }))).toEqual({
      apikey: "k",
      date: "2021-03-09",
      types: ["scan_exchange"],
    });
  });
});

describe("parseReportList", () => {
  const report = { id: "a1", type: "scan_exchange", timestamp: "2021-03-09", file: "2021-03-09-scan_exchange-be.csv" };

  it("reads the reports, keeping fields it does not use", () => {
    expect(parseReportList([{ ...report, report: "be", url: "x" }])).toEqual([{ ...report, report: "be", url: "x" }]);
    expect(parseReportList([])).toEqual([]);
  });

  it("refuses an error answer and a list of something else, saying where", () => {
    expect(() => parseReportList({ error: "Invalid signature" })).toThrow(
      "Shadowserver answered reports/list with an error: Invalid signature",
    );
    try {
      parseReportList([report, { ...report, id: "" }]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).details).toEqual([{ field: "1.id", message: expect.any(String) }]);
    }
    expect(() => parseReportList("[]")).toThrow(AppError);
  });
});

describe("datesBetween", () => {
  it("gives every day of the range, both ends included, across months and leap days", () => {
    expect(datesBetween("2024-02-28", "2024-03-01")).toEqual(["2024-02-28", "2024-02-29", "2024-03-01"]);
    expect(datesBetween("2021-03-09", "2021-03-09")).toEqual(["2021-03-09"]);
  });

  it("refuses a reversed, too long or malformed range", () => {
    expect(() => datesBetween("2021-03-10", "2021-03-09")).toThrow("ends (2021-03-09) before it starts (2021-03-10)");
    expect(() => datesBetween("2020-01-01", "2021-01-01")).toThrow(`at most ${MAX_LIST_DAYS}`);
    expect(() => datesBetween("2021-02-30", "2021-03-01")).toThrow("Not a date (YYYY-MM-DD): 2021-02-30");
    expect(() => datesBetween("9 March 2021", "2021-03-10")).toThrow(AppError);
  });
});
