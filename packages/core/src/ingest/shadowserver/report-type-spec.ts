/** Shadowserver's severity levels (severity.md), lowest last. */
export const SEVERITY_LEVELS = ["critical", "high", "medium", "low", "info"] as const;
export type Severity = (typeof SEVERITY_LEVELS)[number];

/** The Reference Security Incident Taxonomy's class, type and IntelMQ's identifier for a report's events. */
export type Classification = { taxonomy: string; type: string; identifier: string | null };

/**
 * One Shadowserver report type as Baken reads it, derived from Shadowserver's report_schema (reports.json:
 * fields and classification; intelmq.json: which column maps to which IntelMQ field; severity.md: the
 * default severity) by `npm run feeds:shadowserver`. Column names are the report's own. Only the source
 * side routes a notice: `ip` (IntelMQ's source.ip), `network` (source.network), `fqdn` (source.fqdn), then
 * `reverseDns` (source.reverse_dns). Every other column, the destination side included, is data kept raw.
 */
export type ReportTypeSpec = {
  /** The report type as Shadowserver's file names and API name it: `scan_exchange`. */
  type: string;
  /** Its subject: `Vulnerable Exchange Server`. */
  name: string;
  /** The header, in Shadowserver's column order. */
  fields: readonly string[];
  ip: string | null;
  network: string | null;
  fqdn: string | null;
  reverseDns: string | null;
  /** source.url: a request path in most reports, kept raw (never routes). */
  url: string | null;
  port: string | null;
  asn: string | null;
  timestamp: string | null;
  protocol: string | null;
  /** The column holding each row's severity. */
  severity: string | null;
  defaultSeverity: Severity | null;
  tag: string | null;
  /** The column whose CVE identifiers (`cve-2021-26855`) IntelMQ reads as product.vulnerabilities. */
  cve: string | null;
  version: string | null;
  classification: Classification | null;
  /** Classifications that depend on the tag (scan_exchange: `exchange;webshell` is a compromise). */
  classificationByTag: Readonly<Record<string, Classification>> | null;
  /** 6 for the IPv6 reports (scan6_*, event6_*, *6): tells apart two types that share one header. */
  ipVersion: 4 | 6;
  /** Why Baken cannot read this type (no source address to route by), or null. */
  refused: string | null;
  /** The report's page on shadowserver.org. */
  page: string | null;
};
