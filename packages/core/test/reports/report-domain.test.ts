import { describe, expect, it } from "vitest";
import {
  checkStatusChange,
  formatReportReference,
  parseWallTime,
  reportVocabulary,
  REPORT_LANGUAGES,
  RSIT,
  rsitLabel,
  toWallTime,
} from "../../src/index.ts";

describe("RSIT vocabulary", () => {
  it("names every class and type in every language, differently from the machine value", () => {
    for (const lang of REPORT_LANGUAGES) {
      const v = reportVocabulary(lang);
      for (const [cls, types] of Object.entries(RSIT)) {
        expect(v.rsitClasses[cls as keyof typeof RSIT].name).not.toBe(cls);
        for (const type of types) expect((v.rsitTypes as Record<string, string>)[type]).toBeTruthy();
      }
    }
    expect(rsitLabel("fr", "intrusions", "system-compromise")).toBe("Intrusion – Système compromis");
    expect(rsitLabel("nl", "fraud")).toBe("Fraude en phishing");
  });
});

describe("references and wall times", () => {
  it("pads the yearly number", () => {
    expect(formatReportReference(2026, 123)).toBe("CERT-2026-000123");
  });

  it("reads wall times in the zone across a summer-time change", () => {
    expect(parseWallTime("2026-07-01T12:00", "Europe/Brussels")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(parseWallTime("2026-01-01", "Europe/Brussels")?.toISOString()).toBe("2025-12-31T23:00:00.000Z");
    expect(parseWallTime("yesterday", "Europe/Brussels")).toBeNull();
    expect(toWallTime(new Date("2026-07-01T10:00:00Z"), "Europe/Brussels")).toBe("2026-07-01T12:00");
  });
});

describe("report status changes", () => {
  it("follows new -> triaged -> in_progress -> closed", () => {
    expect(() => checkStatusChange("new", "triaged")).not.toThrow();
    expect(() => checkStatusChange("triaged", "in_progress")).not.toThrow();
    expect(() => checkStatusChange("in_progress", "closed", "Malware removed")).not.toThrow();
  });

  it("refuses skipping ahead, and closing without a resolution", () => {
    expect(() => checkStatusChange("new", "in_progress")).toThrow(/cannot go from new to in_progress/);
    expect(() => checkStatusChange("in_progress", "closed", " ")).toThrow(/needs a resolution/);
  });
});
