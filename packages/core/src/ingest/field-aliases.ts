/** The fields Baken reads from a row; every other column is kept as it was in the row's `raw`. */
export type ExposureField =
  "ip" | "address" | "hostname" | "url" | "port" | "protocol" | "asn" | "timestamp" | "tag" | "version";

/**
 * Column names recognised per field (compared lower-case, with spaces, dots and dashes read as `_`).
 * Shadowserver's scan reports (scan_exchange, scan6_exchange, the 2021 layout with `sic`) use `ip`,
 * `port`, `protocol`, `hostname`, `asn`, `timestamp`, `tag`, `version`, `url`. `address` columns may
 * hold an IP address or a hostname. Keep packages/core/README.md in step.
 */
export const FIELD_ALIASES: Record<ExposureField, readonly string[]> = {
  ip: [
    "ip",
    "ip_address",
    "ipaddress",
    "ip_addr",
    "ipaddr",
    "ipv4",
    "ipv6",
    "src_ip",
    "source_ip",
    "src_addr",
    "dst_ip",
    "dest_ip",
    "destination_ip",
    "remote_ip",
    "host_ip",
    "server_ip",
  ],
  address: ["address", "host", "target", "server", "asset", "endpoint"],
  hostname: ["hostname", "host_name", "domain", "domain_name", "fqdn", "dns_name", "dns", "rdns", "server_name_dns"],
  url: ["url", "uri", "http_url", "link"],
  port: ["port", "dst_port", "dest_port", "dport", "destination_port", "service_port", "src_port", "tcp_port"],
  protocol: ["protocol", "proto", "transport"],
  asn: ["asn", "as", "as_number", "asnumber", "src_asn", "autonomous_system"],
  timestamp: [
    "timestamp",
    "time",
    "seen",
    "seen_at",
    "last_seen",
    "first_seen",
    "date",
    "datetime",
    "scan_time",
    "event_time",
    "detected_at",
  ],
  tag: ["tag", "tags", "vulnerability", "cve", "cves"],
  version: ["version", "product_version", "software_version"],
};

const ALIAS = new Map<string, ExposureField>();
for (const [field, names] of Object.entries(FIELD_ALIASES) as [ExposureField, readonly string[]][]) {
  for (const n of names) ALIAS.set(n, field);
}

export const canonicalColumnName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, "_");

export const fieldOf = (column: string): ExposureField | undefined => ALIAS.get(canonicalColumnName(column));

/**
 * Which column feeds which field (the first column naming a field wins; the others stay raw). `at` gives
 * each field's column index, -1 when no column names it: rows stay the arrays they were read as, with no
 * object per field (a million-row upload made ten million of those).
 */
export type HeaderMap = {
  columns: string[];
  fields: (ExposureField | null)[];
  at: Record<ExposureField, number>;
  /** The columns kept raw, with each name as a JSON object key (`"name":`). */
  rawAt: number[];
  rawKeys: string[];
  hasAddress: boolean;
};

const FIELDS = Object.keys(FIELD_ALIASES) as ExposureField[];

export function mapHeader(names: string[]): HeaderMap {
  // trim also drops a byte-order mark (U+FEFF is white space to JavaScript), wherever the chunks cut it.
  const columns = names.map((c) => c.trim());
  const at = Object.fromEntries(FIELDS.map((f) => [f, -1])) as Record<ExposureField, number>;
  const fields = columns.map((c, i) => {
    const f = fieldOf(c);
    if (!f || at[f] >= 0) return null;
    at[f] = i;
    return f;
  });
  const rawAt = fields.flatMap((f, i) => (f ? [] : [i]));
  const hasAddress = at.ip >= 0 || at.address >= 0 || at.hostname >= 0 || at.url >= 0;
  return { columns, fields, at, rawAt, rawKeys: rawAt.map((i) => `${JSON.stringify(columns[i])}:`), hasAddress };
}
