import { describe, expect, it } from "vitest";
import {
  buildXarfReport,
  TLP_LEVELS,
  validateXarf,
  xarfReportId,
  type RsitClass,
  type RsitType,
  type XarfCampaignInput,
  type XarfHostInput,
} from "../../src/index.ts";
import { exchangeCampaign, exchangeHost, reporter } from "./fixtures.ts";

const build = (campaign: Partial<XarfCampaignInput> = {}, host: Partial<XarfHostInput> = {}) =>
  buildXarfReport({ reporter, campaign: { ...exchangeCampaign, ...campaign }, host: { ...exchangeHost, ...host } });

const built = (campaign: Partial<XarfCampaignInput> = {}, host: Partial<XarfHostInput> = {}) => {
  const r = build(campaign, host);
  if (!r.ok) throw new Error(`${r.reason} ${JSON.stringify(r.problems ?? [])}`);
  return r.report;
};

// One campaign per category/type Baken emits: the report is built, then checked again here against the
// vendored schema, so a builder that skipped its own check would still be caught.
const EMITTED: [string, RsitClass, RsitType, Partial<XarfCampaignInput>, Partial<XarfHostInput>][] = [
  ["vulnerability/cve", "vulnerable", "vulnerable-system", {}, {}],
  [
    "vulnerability/open_service",
    "vulnerable",
    "vulnerable-system",
    { cves: [], identifier: "open-rdp" },
    { tag: "rdp" },
  ],
  ["vulnerability/open_service", "vulnerable", "ddos-amplifier", { cves: [] }, { tag: null, protocol: "udp" }],
  ["vulnerability/open_service", "vulnerable", "potentially-unwanted-accessible", { cves: [] }, { tag: null }],
  ["vulnerability/misconfiguration", "vulnerable", "vulnerable-system", { cves: [] }, { tag: "eol" }],
  ["vulnerability/misconfiguration", "vulnerable", "weak-crypto", { cves: [] }, { tag: "ssl-poodle" }],
  ["vulnerability/misconfiguration", "vulnerable", "information-disclosure", { cves: [] }, { tag: null }],
  ["vulnerability/misconfiguration", "availability", "misconfiguration", { cves: [] }, { tag: null }],
  ["infrastructure/botnet", "malicious-code", "infected-system", { cves: [] }, { tag: "andromeda" }],
  ["infrastructure/compromised_server", "intrusions", "system-compromise", {}, { tag: "exchange;webshell" }],
  ["infrastructure/compromised_server", "intrusions", "application-compromise", { cves: [] }, { tag: null }],
  ["connection/ddos", "availability", "ddos", { cves: [] }, { protocol: "UDP", port: 123, tag: "ntp" }],
  ["connection/port_scan", "information-gathering", "scanner", { cves: [] }, { port: 51234 }],
  ["connection/login_attack", "intrusion-attempts", "brute-force", { cves: [] }, { port: 40022 }],
  ["reputation/blocklist", "other", "other", { cves: [], identifier: "blacklisted-ip" }, { tag: null }],
  ["reputation/threat_intelligence", "malicious-code", "c2-server", { cves: [] }, { tag: "cobalt-strike" }],
  ["reputation/threat_intelligence", "malicious-code", "malware-distribution", { cves: [] }, { tag: null }],
];

describe("buildXarfReport", () => {
  it.each(EMITTED)("%s from RSIT %s/%s is valid X-ARF v4", (kind, rsitClass, rsitType, campaign, host) => {
    const report = built({ rsitClass, rsitType, ...campaign }, host);
    expect(`${report.category}/${report.type}`).toBe(kind);
    expect(validateXarf(report)).toEqual({ ok: true });
    expect(report.reporter).toEqual({ org: "CERT Baken", contact: "cert@baken.example", domain: "cert.baken.example" });
    expect(report.sender).toEqual(report.reporter);
    expect(report.tags).toContain("tlp:amber");
    expect(report.tags).toContain(`rsit:${rsitType}`);
  });

  it("fills a CVE report from the campaign and the host: service, port, version, CVEs (the host's first), severity", () => {
    const report = built();
    expect(report).toMatchObject({
      xarf_version: "4.2.0",
      timestamp: "2021-03-09T06:00:00.000Z",
      source_identifier: "192.0.2.10",
      source_port: 443,
      service: "Microsoft Exchange",
      service_port: 443,
      service_version: "15.0.1497",
      cve_id: "CVE-2021-26855",
      cve_ids: ["CVE-2021-26855", "CVE-2021-27065"],
      severity: "critical",
      evidence_source: "vulnerability_scan",
    });
    expect(report.tags).toEqual([
      "tlp:amber",
      "rsit:vulnerable-system",
      "baken:20261123-00000042",
      "report-type:scan_exchange",
      "severity:critical",
      "cve:cve-2021-26855",
      "cve:cve-2021-27065",
    ]);
    expect(report.description).toBe(
      "TLP:AMBER. Exchange ProxyLogon, March 2021. Microsoft Exchange servers vulnerable to ProxyLogon. Install the March 2021 security updates.",
    );
  });

  it("carries the host's observation as evidence with its hash", () => {
    const [evidence] = built().evidence as { payload: string; hash: string; size: number }[];
    const bytes = Buffer.from(evidence!.payload, "base64");
    expect(JSON.parse(bytes.toString("utf8"))).toMatchObject({
      ip: "192.0.2.10",
      asn: 64512,
      hostname: "mail.example.org",
    });
    expect(evidence!.size).toBe(bytes.length);
    expect(evidence!.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("takes the CVE from the host's tag when the campaign names none", () => {
    expect(built({ cves: [] })).toMatchObject({ type: "cve", cve_id: "CVE-2021-26855" });
  });

  it.each(TLP_LEVELS)("tags TLP %s as the MISP taxonomy writes it", (tlp) => {
    const expected = {
      CLEAR: "tlp:clear",
      GREEN: "tlp:green",
      AMBER: "tlp:amber",
      AMBER_STRICT: "tlp:amber+strict",
      RED: "tlp:red",
    }[tlp];
    expect(built({ tlp }).tags).toContain(expected);
  });

  it("gives the same report id for the same notice and host, another for another host", () => {
    const a = built().report_id;
    expect(built().report_id).toBe(a);
    expect(a).toBe(xarfReportId("BAKEN#20261123-00000042|192.0.2.10|443|mail.example.org"));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(built({}, { port: 444 }).report_id).not.toBe(a);
    expect(built({ reference: null }).report_id).not.toBe(built({ reference: null }).report_id);
  });

  it("reports a host known only by its name by that name", () => {
    expect(built({}, { ip: null })).toMatchObject({ source_identifier: "mail.example.org" });
  });

  it("keeps a long description within the schema's 1000 characters", () => {
    const report = built({ description: "x".repeat(5000) });
    expect((report.description as string).length).toBe(1000);
  });

  it("keeps at most 20 tags and 10 CVE ids, as the schema allows", () => {
    const cves = Array.from({ length: 30 }, (_, i) => `CVE-2021-${String(10000 + i)}`);
    const report = built({ cves }, { tag: null });
    expect(report.tags).toHaveLength(20);
    expect(report.cve_ids).toHaveLength(10);
  });

  it("refuses what the chosen type cannot describe, saying why", () => {
    expect(build({}, { port: null })).toEqual({ ok: false, reason: "vulnerability/cve: the host's port is not known" });
    expect(build({ rsitClass: "availability", rsitType: "ddos" }, { protocol: null })).toEqual({
      ok: false,
      reason: "connection/ddos: the host's protocol (none) is not tcp, udp, icmp or sctp",
    });
    expect(build({ rsitClass: "availability", rsitType: "ddos" }, { port: null })).toMatchObject({ ok: false });
    expect(build({ rsitClass: "fraud", rsitType: "phishing" })).toEqual({
      ok: false,
      reason: "X-ARF v4 has no report type for RSIT fraud/phishing",
    });
    expect(build({}, { ip: null, hostname: null })).toMatchObject({ ok: false });
  });

  it("never returns an invalid report: a reporter without a valid e-mail address is refused by the schema", () => {
    const r = buildXarfReport({
      reporter: { ...reporter, email: "not an address" },
      campaign: exchangeCampaign,
      host: exchangeHost,
    });
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.problems).toContainEqual({ path: "/reporter/contact", message: 'must match format "email"' });
  });
});
