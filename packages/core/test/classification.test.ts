import { describe, expect, it } from "vitest";
import { extractCves, isCveId, normaliseCveId, RSIT, rsitClassOf, rsitFromIntelmq } from "../src/index.ts";

describe("CVE ids", () => {
  it("normalises well-formed ids and refuses the rest", () => {
    expect(normaliseCveId(" cve-2021-26855 ")).toBe("CVE-2021-26855");
    expect(normaliseCveId("CVE-2023-1234567")).toBe("CVE-2023-1234567");
    expect(normaliseCveId("CVE-2021-123")).toBeNull(); // sequence numbers have at least four digits
    expect(normaliseCveId("CVE-21-12345")).toBeNull();
    expect(normaliseCveId("CVE-1998-0001")).toBeNull(); // before the CVE list began
    expect(normaliseCveId("CVE-2021-26855x")).toBeNull();
    expect(isCveId("CVE-2014-0160")).toBe(true);
    expect(isCveId("cve-2014-0160")).toBe(false);
  });

  it("extracts ids from Shadowserver tags and free text, once each, in order", () => {
    expect(extractCves("cve-2021-26855;exchange")).toEqual(["CVE-2021-26855"]);
    expect(extractCves("exchange;cve-2021-34473;CVE-2021-26855", "see CVE-2021-34473 and cve-2021-31207.")).toEqual([
      "CVE-2021-34473",
      "CVE-2021-26855",
      "CVE-2021-31207",
    ]);
    expect(extractCves(null, undefined, "")).toEqual([]);
  });

  it("does not read ids glued to other letters or digits", () => {
    expect(extractCves("xcve-2021-26855", "CVE-2021-26855a", "CVE-2021-268")).toEqual([]);
  });
});

// Every (taxonomy, type) pair in Shadowserver's intelmq.json (report_schema commit 8e06fb9, 2026-03-24).
const SHADOWSERVER_PAIRS: [string, string, string, string][] = [
  ["vulnerable", "vulnerable-system", "vulnerable", "vulnerable-system"],
  ["other", "other", "other", "other"],
  ["malicious-code", "infected-system", "malicious-code", "infected-system"],
  ["information-gathering", "scanner", "information-gathering", "scanner"],
  ["vulnerable", "weak-crypto", "vulnerable", "weak-crypto"],
  ["intrusions", "system-compromise", "intrusions", "system-compromise"],
  ["availability", "ddos", "availability", "ddos"],
  ["malicious-code", "malware-distribution", "malicious-code", "malware-distribution"],
  ["vulnerable", "potentially-unwanted-accessible", "vulnerable", "potentially-unwanted-accessible"],
  ["other", "undetermined", "other", "undetermined"],
  ["other", "blacklist", "other", "other"],
  ["information-content-security", "data-leak", "information-content-security", "data-leak"],
  ["intrusion-attempts", "brute-force", "intrusion-attempts", "brute-force"],
  ["fraud", "masquerade", "fraud", "masquerade"],
  ["abusive-content", "spam", "abusive-content", "spam"],
];

describe("IntelMQ / Shadowserver classification to RSIT", () => {
  it.each(SHADOWSERVER_PAIRS)("%s/%s -> %s/%s", (taxonomy, type, rsitClass, rsitType) => {
    expect(rsitFromIntelmq({ taxonomy, type })).toEqual({ ok: true, rsitClass, rsitType });
  });

  it("maps every RSIT type to itself, taking the class from the type when no taxonomy is given", () => {
    for (const [rsitClass, types] of Object.entries(RSIT)) {
      for (const rsitType of types) {
        expect(rsitFromIntelmq({ type: rsitType })).toEqual({ ok: true, rsitClass, rsitType });
        expect(rsitClassOf(rsitType)).toBe(rsitClass);
      }
    }
  });

  it("maps IntelMQ's own extensions", () => {
    expect(rsitFromIntelmq({ taxonomy: "other", type: "blocklist" })).toMatchObject({ rsitType: "other" });
    expect(rsitFromIntelmq({ taxonomy: "other", type: "unknown" })).toMatchObject({ rsitType: "undetermined" });
    expect(rsitFromIntelmq({ taxonomy: "vulnerable", type: "vulnerable-service" })).toMatchObject({
      rsitType: "vulnerable-system",
    });
  });

  it("refuses a type it does not know and a taxonomy that contradicts the type", () => {
    expect(rsitFromIntelmq({ taxonomy: "test", type: "test" })).toEqual({
      ok: false,
      reason: 'IntelMQ classification type "test" has no RSIT equivalent',
    });
    const r = rsitFromIntelmq({ taxonomy: "vulnerable", type: "ddos" });
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.reason).toContain('which is RSIT class "availability"');
    expect(rsitFromIntelmq({ taxonomy: "bogus", type: "spam" })).toMatchObject({ ok: false });
  });
});
