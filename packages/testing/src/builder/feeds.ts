import { REPORT_TYPES, type ReportTypeSpec } from "@baken/core";

/** One side of an event: the party to notify (`source`) or the other one (honeypot, sinkhole, target). */
export type Side = { v4: string; v6: string; network: string; hostname: string; asn: number };

/** Documentation ranges: the party to notify in 198.51.100.0/24, the other side in 203.0.113.0/24. */
export const SOURCE_SIDE: Side = {
  v4: "198.51.100.17",
  v6: "2001:db8:1::17",
  network: "198.51.100.0/25",
  hostname: "host.source.example",
  asn: 64501,
};
export const OTHER_SIDE: Side = {
  v4: "203.0.113.9",
  v6: "2001:db8:2::9",
  network: "203.0.113.0/25",
  hostname: "sinkhole.other.example",
  asn: 64502,
};

export const SAMPLE_TIME = "2026-03-09 06:00:00";

/** A Shadowserver cell as their reports write it: text in double quotes (a quote inside as `\"`), numbers bare. */
export const shadowserverCell = (v: string | number) =>
  typeof v === "number" || /^\d+$/.test(v) ? String(v) : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** A whole report: the header in the type's column order, then the rows, as Shadowserver writes them. */
export function shadowserverCsv(spec: ReportTypeSpec, rows: Record<string, string | number>[], quoted = true): string {
  const cell = quoted ? shadowserverCell : (v: string | number) => String(v);
  const header = spec.fields.map((f) => (quoted ? `"${f}"` : f)).join(",");
  return `${header}\n${rows.map((r) => spec.fields.map((f) => cell(r[f] ?? "")).join(",")).join("\n")}\n`;
}

/** Shadowserver's file name for a report of this type (report-filename.md). */
export const shadowserverFileName = (type: string, date = "2026-03-09") => `${date}-${type}-baken-test-geo.csv`;

/** A value for a column that does not route: the other side's where the name says so, else plain data. */
function otherValue(column: string, ipVersion: 4 | 6, other: Side): string | number {
  if (/(^|_)ip$/.test(column) || column === "dst_network") return ipVersion === 6 ? other.v6 : other.v4;
  if (/(^|_)port$/.test(column)) return 8080;
  if (/(^|_)asn$/.test(column)) return other.asn;
  if (/hostname$/.test(column) || column === "http_host" || column === "domain") return other.hostname;
  if (column === "url" || column === "http_url" || column === "http_path") return "GET /favicon.ico HTTP/1.1";
  if (column === "server") return "Microsoft-IIS/7.5";
  if (column === "http_agent" || column === "user_agent") return 'Mozilla/5.0 (compatible; "probe")';
  return `${column} data`;
}

export type ExpectedRow = { ip: string | null; network: string | null; hostname: string | null; port: number | null };

/**
 * A small report of `spec`'s type in its exact layout: row 1 with everything, row 2 with a second address
 * of the party to notify (its network for a type whose address column takes one), every destination-side
 * column filled with the other side. `expected` is what Baken must store and route by, row by row.
 */
export function shadowserverSample(
  spec: ReportTypeSpec,
  source: Side = SOURCE_SIDE,
  other: Side = OTHER_SIDE,
): { fileName: string; csv: string; expected: ExpectedRow[] } {
  const v = spec.ipVersion;
  const address = v === 6 ? source.v6 : source.v4;
  const second = v === 6 ? source.v6.replace(/17$/, "18") : source.v4.replace(/17$/, "18");
  const rows: Record<string, string | number>[] = [];
  const expected: ExpectedRow[] = [];
  for (let k = 0; k < 2; k++) {
    const row: Record<string, string | number> = {};
    for (const f of spec.fields) row[f] = otherValue(f, v, other);
    const networkRow = k === 1 && spec.network !== null && spec.network === spec.ip;
    if (spec.ip) row[spec.ip] = networkRow ? source.network : k === 0 ? address : second;
    if (spec.network && spec.network !== spec.ip) row[spec.network] = source.network;
    if (spec.fqdn) row[spec.fqdn] = `www${k}.${source.hostname}`;
    if (spec.reverseDns) row[spec.reverseDns] = `r${k}.${source.hostname}`;
    if (spec.port) row[spec.port] = 443;
    if (spec.asn) row[spec.asn] = source.asn;
    if (spec.timestamp) row[spec.timestamp] = SAMPLE_TIME;
    if (spec.severity) row[spec.severity] = spec.defaultSeverity ?? "high";
    if (spec.protocol) row[spec.protocol] = "tcp";
    if (spec.tag) row[spec.tag] = "cve-2026-0001";
    rows.push(row);
    expected.push({
      ip: spec.ip ? (networkRow ? null : k === 0 ? address : second) : null,
      network: networkRow ? source.network : !spec.ip && spec.network ? source.network : null,
      hostname: spec.fqdn ? `www${k}.${source.hostname}` : spec.reverseDns ? `r${k}.${source.hostname}` : null,
      port: spec.port ? 443 : null,
    });
  }
  return { fileName: shadowserverFileName(spec.type), csv: shadowserverCsv(spec, rows), expected };
}

export { REPORT_TYPES };
