import { describe, expect, it } from "vitest";
import {
  adviceFor,
  campaignInputSchema,
  formatNoticeReference,
  NOTICE_REFERENCE_PATTERN,
  noticeRecipients,
  tlpLabel,
} from "../src/index.ts";

describe("campaign input", () => {
  it("defaults TLP to AMBER, upper-cases and dedupes CVEs", () => {
    const c = campaignInputSchema.parse({
      name: "Exchange",
      cves: ["cve-2021-26855", "CVE-2021-26855", "CVE-2021-27065"],
    });
    expect(c.tlp).toBe("AMBER");
    expect(c.cves).toEqual(["CVE-2021-26855", "CVE-2021-27065"]);
  });

  it("names the bad field", () => {
    const r = campaignInputSchema.safeParse({ name: "x", cves: ["CVE-21-1"], advice: { xx: {} } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("cves.0");
    expect(paths).toContain("advice");
  });

  it("falls back to English advice, then any", () => {
    const en = { summary: "en", actions: [], links: [] };
    const fr = { summary: "fr", actions: [], links: [] };
    expect(adviceFor({ en, fr }, "nl")?.summary).toBe("en");
    expect(adviceFor({ fr }, "de")?.summary).toBe("fr");
    expect(adviceFor({}, "de")).toBeUndefined();
  });
});

describe("labels and references", () => {
  it("shows TLP as people read it", () => {
    expect(tlpLabel("AMBER_STRICT")).toBe("TLP:AMBER+STRICT");
    expect(tlpLabel("CLEAR")).toBe("TLP:CLEAR");
  });

  it("formats a reference from the UTC date and the sequence", () => {
    const ref = formatNoticeReference(new Date("2026-11-23T23:30:00Z"), 42);
    expect(ref).toBe("BAKEN#20261123-00000042");
    expect(ref).toMatch(NOTICE_REFERENCE_PATTERN);
  });
});

describe("notice recipients", () => {
  const c = (
    email: string,
    role: "abuse" | "security" | "technical",
    language: "nl" | "fr" | "de" | "en" | null = null,
    active = true,
  ) => ({ email, role, language, active });

  it("puts abuse first, drops inactive and duplicate addresses", () => {
    const r = noticeRecipients(
      [
        c("tech@x.be", "technical"),
        c("Abuse@x.be", "abuse"),
        c("old@x.be", "abuse", null, false),
        c("abuse@x.be", "security"),
      ],
      "nl",
    );
    expect(r.recipients).toEqual(["abuse@x.be", "tech@x.be"]);
  });

  it("uses the language all recipients share, else the organization's", () => {
    expect(noticeRecipients([c("a@x.be", "abuse", "fr"), c("b@x.be", "technical", "fr")], "nl").language).toBe("fr");
    expect(noticeRecipients([c("a@x.be", "abuse", "fr"), c("b@x.be", "technical")], "nl").language).toBe("nl");
    expect(noticeRecipients([c("a@x.be", "abuse")], "de").language).toBe("de");
  });
});
