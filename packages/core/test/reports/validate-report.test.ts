import { describe, expect, it } from "vitest";
import { validateReport, type RawReport } from "../../src/index.ts";

const TZ = "Europe/Brussels";
const NOW = new Date("2026-11-23T12:00:00Z");

const valid = (overrides: RawReport = {}): RawReport => ({
  reporterKind: ["company"],
  name: ["An Peeters"],
  email: ["an@example.be"],
  organization: ["Brouwerij Peeters"],
  relation: ["victim"],
  rsitClass: ["intrusions"],
  rsitType: ["system-compromise"],
  description: ["Our file server shows a ransom note."],
  consent: ["yes"],
  ...overrides,
});

const problems = (raw: RawReport) => {
  const result = validateReport(raw, { timeZone: TZ, now: NOW });
  return result.ok ? [] : result.problems.map((p) => `${p.field}:${p.code}`);
};

describe("validateReport", () => {
  it("accepts a minimal report and stores machine values", () => {
    const result = validateReport(
      valid({
        startedAt: ["2026-11-22T23:30"],
        ongoing: ["yes"],
        impact: ["data-encrypted", "service-down"],
        tlp: ["RED"],
      }),
      { timeZone: TZ, now: NOW },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft).toMatchObject({
      reporterKind: "company",
      rsitClass: "intrusions",
      rsitType: "system-compromise",
      isVictim: true,
      ongoing: true,
      impact: ["data-encrypted", "service-down"],
      tlp: "RED",
      organizationName: "Brouwerij Peeters",
    });
    // Brussels is UTC+1 in November: 23:30 local is 22:30 UTC.
    expect(result.draft.startedAt?.toISOString()).toBe("2026-11-22T22:30:00.000Z");
  });

  it("names every missing required field, in form order", () => {
    expect(problems({})).toEqual([
      "reporterKind:required",
      "name:required",
      "email:required",
      "relation:required",
      "rsitClass:required",
      "description:required",
      "consent:required",
    ]);
  });

  it("needs an organization unless a private person reports", () => {
    expect(problems(valid({ organization: [""] }))).toEqual(["organization:required"]);
    expect(problems(valid({ organization: [""], reporterKind: ["citizen"] }))).toEqual([]);
  });

  it("refuses bad e-mail, phone, tampered choices and a type from another class", () => {
    expect(problems(valid({ email: ["an@@example"], phone: ["call me"], tlp: ["PURPLE"], impact: ["x"] }))).toEqual([
      "email:email",
      "phone:phone",
      "impact:choice",
      "tlp:choice",
    ]);
    expect(problems(valid({ rsitType: ["phishing"] }))).toEqual(["rsitType:type-class"]);
    expect(problems(valid({ rsitClass: ["test"] }))).toEqual(["rsitClass:choice"]);
  });

  it("checks dates: real, not in the future, detected after started", () => {
    expect(problems(valid({ startedAt: ["2026-02-30T10:00"] }))).toEqual(["startedAt:date"]);
    expect(problems(valid({ startedAt: ["2027-01-01T10:00"] }))).toEqual(["startedAt:date-future"]);
    expect(problems(valid({ startedAt: ["2026-11-20T10:00"], detectedAt: ["2026-11-19 09:00"] }))).toEqual([
      "detectedAt:date-order",
    ]);
  });

  it("bounds lengths and strips NUL characters", () => {
    const result = validateReport(valid({ description: ["a\u0000b\r\nc"] }), { timeZone: TZ, now: NOW });
    expect(result.ok && result.draft.description).toBe("ab\nc");
    const long = validateReport(valid({ name: ["x".repeat(201)] }), { timeZone: TZ, now: NOW });
    expect(long.ok ? null : long.problems).toEqual([{ field: "name", code: "too-long", max: 200 }]);
  });
});
