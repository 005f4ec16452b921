import { describe, expect, it } from "vitest";
import { RSIT, xarfKindFor, type RsitClass, type RsitType } from "../../src/index.ts";

const kindOf = (rsitClass: RsitClass, rsitType: RsitType, identifier: string | null = null, cves: string[] = []) => {
  const k = xarfKindFor({ rsitClass, rsitType, identifier, cves });
  return k.ok ? `${k.category}/${k.type}` : null;
};

describe("xarfKindFor: RSIT class/type (+ identifier, CVEs) to X-ARF category/type", () => {
  it("reports a vulnerable host with a known CVE as vulnerability/cve, whatever the vulnerable type", () => {
    for (const type of RSIT.vulnerable)
      expect(kindOf("vulnerable", type, null, ["CVE-2021-26855"])).toBe("vulnerability/cve");
  });

  it("reports an exposed service as open_service and other vulnerable systems as misconfiguration", () => {
    expect(kindOf("vulnerable", "vulnerable-system", "open-rdp")).toBe("vulnerability/open_service");
    expect(kindOf("vulnerable", "vulnerable-system", "accessible-ftp")).toBe("vulnerability/open_service");
    expect(kindOf("vulnerable", "vulnerable-system", "vulnerable-http")).toBe("vulnerability/misconfiguration");
    expect(kindOf("vulnerable", "vulnerable-system")).toBe("vulnerability/misconfiguration");
    expect(kindOf("vulnerable", "ddos-amplifier")).toBe("vulnerability/open_service");
  });

  it("does not let a CVE turn a compromise into a vulnerability report", () => {
    expect(kindOf("intrusions", "system-compromise", null, ["CVE-2021-26855"])).toBe(
      "infrastructure/compromised_server",
    );
  });

  it("tells a blocklist from other/other by its identifier only", () => {
    expect(kindOf("other", "other", "blacklisted-ip")).toBe("reputation/blocklist");
    expect(kindOf("other", "other", "accessible-http")).toBeNull();
    expect(kindOf("other", "other")).toBeNull();
  });

  it("refuses, with a reason, what X-ARF has no type for", () => {
    expect(xarfKindFor({ rsitClass: "abusive-content", rsitType: "spam", cves: [] })).toEqual({
      ok: false,
      reason: "X-ARF v4 has no report type for RSIT abusive-content/spam",
    });
    expect(kindOf("other", "undetermined", "device-id")).toBeNull();
  });
});
