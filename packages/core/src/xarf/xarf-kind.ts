import type { RsitClass, RsitType } from "../reports/rsit.ts";

// Which X-ARF v4 category/type a campaign's hosts are reported as. README.md beside this file has the table
// with the reasons; the unit tests build and validate a report of every row.

export type XarfKind =
  | { category: "vulnerability"; type: "cve" | "open_service" | "misconfiguration" }
  | { category: "infrastructure"; type: "botnet" | "compromised_server" }
  | { category: "connection"; type: "ddos" | "port_scan" | "login_attack" }
  | { category: "reputation"; type: "blocklist" | "threat_intelligence" };

export type XarfKindInput = {
  rsitClass: RsitClass;
  rsitType: RsitType;
  /**
   * IntelMQ's classification.identifier of the report type when a feed knows it (Shadowserver: open-rdp,
   * accessible-ftp, vulnerable-http, blacklisted-ip…): it tells an exposed service from a flawed one.
   */
  identifier?: string | null;
  /** The host's and the campaign's CVE ids. */
  cves: readonly string[];
};

export type XarfKindChoice = ({ ok: true } & XarfKind) | { ok: false; reason: string };

const kind = <K extends XarfKind>(k: K) => k;
const OPEN_SERVICE = kind({ category: "vulnerability", type: "open_service" });
const MISCONFIGURATION = kind({ category: "vulnerability", type: "misconfiguration" });
const COMPROMISED_SERVER = kind({ category: "infrastructure", type: "compromised_server" });
const THREAT_INTELLIGENCE = kind({ category: "reputation", type: "threat_intelligence" });
const DDOS = kind({ category: "connection", type: "ddos" });

/** Shadowserver's identifiers for a service that should not be reachable: "open-…", "accessible-…". */
const EXPOSED_SERVICE = /^(open|accessible)-/;

/** Blocklist report types' identifiers (IntelMQ maps their type to other/other, see rsit-from-intelmq.ts). */
const BLOCKLIST_IDENTIFIERS = new Set(["blacklisted-ip", "blocklist"]);

const BY_RSIT: Partial<Record<string, (input: XarfKindInput) => XarfKind | null>> = {
  "vulnerable/vulnerable-system": ({ identifier }) =>
    identifier && EXPOSED_SERVICE.test(identifier) ? OPEN_SERVICE : MISCONFIGURATION,
  "vulnerable/ddos-amplifier": () => OPEN_SERVICE,
  "vulnerable/potentially-unwanted-accessible": () => OPEN_SERVICE,
  "vulnerable/information-disclosure": () => MISCONFIGURATION,
  "vulnerable/weak-crypto": () => MISCONFIGURATION,
  "availability/misconfiguration": () => MISCONFIGURATION,
  "malicious-code/infected-system": () => kind({ category: "infrastructure", type: "botnet" }),
  "malicious-code/c2-server": () => THREAT_INTELLIGENCE,
  "malicious-code/malware-distribution": () => THREAT_INTELLIGENCE,
  "intrusions/system-compromise": () => COMPROMISED_SERVER,
  "intrusions/application-compromise": () => COMPROMISED_SERVER,
  "intrusions/privileged-account-compromise": () => COMPROMISED_SERVER,
  "intrusions/unprivileged-account-compromise": () => COMPROMISED_SERVER,
  "availability/ddos": () => DDOS,
  "availability/dos": () => DDOS,
  "information-gathering/scanner": () => kind({ category: "connection", type: "port_scan" }),
  "intrusion-attempts/brute-force": () => kind({ category: "connection", type: "login_attack" }),
  "other/other": ({ identifier }) =>
    identifier && BLOCKLIST_IDENTIFIERS.has(identifier) ? kind({ category: "reputation", type: "blocklist" }) : null,
};

/**
 * The X-ARF category/type for a host of a campaign: vulnerability/cve whenever a vulnerable host has a known
 * CVE (the most precise type X-ARF has), else the RSIT class/type's row. What no row covers is refused with a
 * reason (the notice then goes without X-ARF) rather than sent as a type that says something else.
 */
export function xarfKindFor(input: XarfKindInput): XarfKindChoice {
  if (input.rsitClass === "vulnerable" && input.cves.length > 0) {
    return { ok: true, category: "vulnerability", type: "cve" };
  }
  const chosen = BY_RSIT[`${input.rsitClass}/${input.rsitType}`]?.(input);
  if (chosen) return { ok: true, ...chosen };
  const what = `${input.rsitClass}/${input.rsitType}${input.identifier ? ` (${input.identifier})` : ""}`;
  return { ok: false, reason: `X-ARF v4 has no report type for RSIT ${what}` };
}
