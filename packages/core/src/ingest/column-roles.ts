/**
 * What a column can be to Baken. The address roles decide whom a notice goes to: `ip` (an address, or a
 * network written as a CIDR), `network` (a CIDR), `address` (an address, host name, `host:port` or URL, as
 * leaked lists write them) and `hostname`. The others describe the row. A column without a role is data,
 * kept as it was in the row's `raw`.
 */
export const ROLES = [
  "ip",
  "network",
  "address",
  "hostname",
  "port",
  "protocol",
  "asn",
  "timestamp",
  "severity",
  "tag",
  "version",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that say where the party to notify is. */
export const ADDRESS_ROLES: readonly Role[] = ["ip", "network", "address"];
/** Roles that decide the owner or a host's identity: two columns claiming one of them are ambiguous. */
export const DECIDING_ROLES: readonly Role[] = ["ip", "network", "address", "hostname", "port", "asn"];

/**
 * Column names that say what they hold without doubt, compared lower-case with spaces, dots and dashes read
 * as `_` (so IntelMQ's `source.ip` is `source_ip`). The destination side (`dst_ip`, `dst_port`...) is not
 * here: it is never the party to notify. Keep README.md and packages/core/README.md in step.
 */
export const ROLE_NAMES: Readonly<Record<Role, readonly string[]>> = {
  ip: ["ip", "ip_address", "ipaddress", "ip_addr", "ipaddr", "ipv4", "ipv6", "src_ip", "source_ip", "src_addr"],
  network: ["network", "cidr", "netblock", "source_network", "src_network"],
  address: ["address", "host", "target", "asset", "endpoint"],
  hostname: ["hostname", "host_name", "fqdn", "source_fqdn", "src_hostname", "rdns", "reverse_dns", "dns_name"],
  port: ["port", "src_port", "source_port", "service_port", "tcp_port"],
  protocol: ["protocol", "proto", "transport", "protocol_transport"],
  asn: ["asn", "as", "as_number", "asnumber", "src_asn", "source_asn", "autonomous_system"],
  timestamp: [
    "timestamp",
    "time",
    "time_source",
    "seen",
    "seen_at",
    "last_seen",
    "lastseen",
    "first_seen",
    "date",
    "datetime",
    "scan_time",
    "event_time",
    "detected_at",
  ],
  severity: ["severity"],
  tag: ["tag", "tags", "vulnerability", "vulnerabilities", "cve", "cves"],
  version: ["version", "product_version", "software_version"],
};

/**
 * Names that look like an address but are not the party to notify in the feeds CERTs receive: a request
 * path or URL (`url`, `http_url`), a Server banner (`server`), the attacked or contacted domain (`domain`),
 * the other side of an event (`dst_ip`). Never mapped by themselves; named when a header has nothing else.
 */
export const NEVER_ROUTES = [
  "url",
  "uri",
  "http_url",
  "link",
  "server",
  "servername",
  "domain",
  "domain_name",
  "http_host",
  "dst_ip",
  "dest_ip",
  "destination_ip",
  "remote_ip",
  "dst_hostname",
];

const ROLE_BY_NAME = new Map<string, Role>();
for (const role of ROLES) for (const name of ROLE_NAMES[role]) ROLE_BY_NAME.set(name, role);

export const canonicalColumnName = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, "_");

/** The role a column's name gives it by itself, if any. */
export const roleOfName = (column: string): Role | undefined => ROLE_BY_NAME.get(canonicalColumnName(column));

export const isRole = (s: string): s is Role => (ROLES as readonly string[]).includes(s);

/**
 * Which column feeds which role. `at` gives each role's column (-1: none) and `alt` a second column read
 * when the first is empty in a row (a publisher's own precedence: Shadowserver's `http_host`, else its
 * reverse DNS). Rows stay the arrays they were read as, with no object per field (a million-row upload
 * made ten million of those).
 */
export type HeaderMap = {
  columns: string[];
  roles: (Role | null)[];
  at: Record<Role, number>;
  alt: Record<Role, number>;
  /** The columns kept raw, with each name as a JSON object key (`"name":`). */
  rawAt: number[];
  rawKeys: string[];
  hasAddress: boolean;
  /** No `alt` column: the in-place CSV reader can take its lines. */
  simple: boolean;
};

const noColumns = () => Object.fromEntries(ROLES.map((r) => [r, -1])) as Record<Role, number>;

/**
 * A HeaderMap from each column's role (`roles[i]`, null for data). A column listed in `second` is its role's
 * `alt`, read in a row whose first column for that role is empty; the caller checks that no role has more
 * than one first and one second column.
 */
export function headerMap(columns: string[], roles: (Role | null)[], second: readonly number[] = []): HeaderMap {
  const at = noColumns();
  const alt = noColumns();
  roles.forEach((role, i) => {
    if (role) (second.includes(i) ? alt : at)[role] = i;
  });
  for (const role of ROLES) {
    if (at[role] < 0 && alt[role] >= 0) {
      at[role] = alt[role];
      alt[role] = -1;
    }
  }
  const rawAt = roles.flatMap((r, i) => (r ? [] : [i]));
  return {
    columns,
    roles,
    at,
    alt,
    rawAt,
    rawKeys: rawAt.map((i) => `${JSON.stringify(columns[i])}:`),
    hasAddress: at.ip >= 0 || at.network >= 0 || at.address >= 0 || at.hostname >= 0,
    simple: ROLES.every((r) => alt[r] < 0),
  };
}

/** A plain-text line is one address, under the column name `value`. */
export const TEXT_LAYOUT: HeaderMap = headerMap(["value"], ["address"]);
