import { parseCidr, parseIp, type Cidr, type IpAddress } from "../match/ip-address.ts";
import type { HeaderMap, Role } from "./column-roles.ts";
import {
  asnOf,
  fastTimestamp,
  MAX_PORT,
  MAX_TEXT_CHARS,
  hostnameOf,
  normaliseHostname,
  parsePort,
  parseTimestamp,
  portOf,
} from "./normalise-values.ts";

/**
 * An accepted row, normalised. Its other columns stay in `record`, where `layout` says which they are:
 * `rawJson` reads them, so only rows that are stored pay for them.
 */
export type ExposureRow = {
  line: number;
  ip: IpAddress | null;
  /** A network (a CIDR wider than one address) named instead of an address: blocklists, source.network. */
  network: Cidr | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  asn: number | null;
  /** ISO 8601, UTC. */
  seenAt: string | null;
  tag: string | null;
  version: string | null;
  /** The row's own severity (Shadowserver's `severity` column), lower-case. */
  severity: string | null;
  record: readonly string[];
  layout: HeaderMap;
};

export type RowError = { line: number; field: string; message: string };
export type RowResult = { ok: true; row: ExposureRow } | { ok: false; errors: RowError[] };

const DEFAULT_PORT: Record<string, number> = {
  "http:": 80,
  "https:": 443,
  "ftp:": 21,
  "smtp:": 25,
  "ldap:": 389,
  "ldaps:": 636,
};

export type ParsedAddress = {
  ip: IpAddress | null;
  network: Cidr | null;
  hostname: string | null;
  port: number | null;
};

/**
 * Splits an address as leaked lists write them: an IP address, a network (`198.51.100.0/24`), a hostname,
 * `host:port`, `[v6]:port` or a URL. Returns what it found, or a message.
 */
export function parseAddress(input: string): ({ ok: true } & ParsedAddress) | { ok: false; message: string } {
  const s = input.trim();
  const ip = parseIp(s);
  if (ip) return { ok: true, ip, network: null, hostname: null, port: null };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      return { ok: false, message: `not a valid URL: '${input}'` };
    }
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const port = url.port ? Number(url.port) : (DEFAULT_PORT[url.protocol] ?? null);
    const hostIp = parseIp(host);
    if (hostIp) return { ok: true, ip: hostIp, network: null, hostname: null, port };
    const name = normaliseHostname(host);
    return name.ok ? { ok: true, ip: null, network: null, hostname: name.value, port } : name;
  }
  if (/^[\d.:a-f]+\/\d+$/i.test(s)) {
    const n = parseIpOrNetwork(s);
    return n.ok ? { ...n, hostname: null, port: null } : n;
  }
  const bracketed = /^\[([^\]]+)\]:(\d+)$/.exec(s);
  const hostPort = bracketed ?? /^([^:\s]+):(\d+)$/.exec(s);
  if (hostPort) {
    const port = parsePort(hostPort[2]!);
    if (!port.ok) return port;
    const inner = parseAddress(hostPort[1]!);
    return inner.ok ? { ...inner, port: port.value } : inner;
  }
  const name = normaliseHostname(s);
  if (!name.ok) return { ok: false, message: `not an IP address, hostname or URL: '${input}'` };
  return { ok: true, ip: null, network: null, hostname: name.value, port: null };
}

// Module-level helpers, not closures: normaliseRow runs a million times per big upload.
const rowError = (line: number, field: string, message: string): RowError => ({ line, field, message });
const withError = (errors: RowError[] | null, line: number, field: string, message: string): RowError[] => {
  const list = errors ?? [];
  list.push(rowError(line, field, message));
  return list;
};

const text = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s.slice(0, MAX_TEXT_CHARS) : null;
};

/** The column of `role` this row fills: its first column, else its second (a publisher's precedence). */
function columnOf(record: readonly string[], layout: HeaderMap, role: Role): number {
  const first = layout.at[role];
  if (first >= 0 && record[first]?.trim()) return first;
  const second = layout.alt[role];
  return second >= 0 && record[second]?.trim() ? second : -1;
}

/** An address or a network: a CIDR of one address is that address. */
export function parseIpOrNetwork(
  input: string,
): { ok: true; ip: IpAddress | null; network: Cidr | null } | { ok: false; message: string } {
  if (!input.includes("/")) {
    const ip = parseIp(input);
    return ip
      ? { ok: true, ip, network: null }
      : { ok: false, message: `not an IPv4 or IPv6 address: '${input.trim()}'` };
  }
  const c = parseCidr(input);
  if (!c.ok) return c;
  const full = c.cidr.version === 4 ? 32 : 128;
  if (c.cidr.bits === full) return { ok: true, ip: parseIp(input.slice(0, input.indexOf("/"))), network: null };
  return { ok: true, ip: null, network: c.cidr };
}

/**
 * Validates and normalises one row, read as `record` with its columns' roles in `layout`: IPv4/IPv6
 * (canonical, IPv4-mapped folded) or a network, port 0-65535, hostname syntax, AS number, timestamp. A row
 * needs an address, a network or a hostname. Every bad field is reported, under its column's name: a
 * value is what its column holds or the row is refused (a banner is never a host name).
 */
export function normaliseRow(line: number, record: readonly string[], layout: HeaderMap): RowResult {
  const { columns } = layout;
  let errors: RowError[] | null = null;
  // PostgreSQL stores no NUL in text: a value holding one is no value anyone wrote on purpose.
  for (let i = 0; i < record.length; i++) {
    if (record[i]!.includes("\0")) errors = withError(errors, line, columns[i] ?? "row", "holds a NUL character");
  }
  if (errors) return { ok: false, errors };
  let ip: IpAddress | null = null;
  let network: Cidr | null = null;
  let hostname: string | null = null;
  let port: number | null = null;

  for (const role of ["ip", "network"] as const) {
    const c = columnOf(record, layout, role);
    if (c < 0 || ip || network) continue;
    const value = record[c]!.trim();
    const a = parseIpOrNetwork(value);
    if (!a.ok) errors = withError(errors, line, columns[c]!, a.message);
    else {
      ip = a.ip;
      network = a.network;
    }
  }
  const addressAt = columnOf(record, layout, "address");
  if (addressAt >= 0) {
    const a = parseAddress(record[addressAt]!);
    if (!a.ok) errors = withError(errors, line, columns[addressAt]!, a.message);
    else {
      if (!ip && !network) {
        ip = a.ip;
        network = a.network;
      }
      hostname ??= a.hostname;
      port ??= a.port;
    }
  }
  const hostAt = columnOf(record, layout, "hostname");
  if (hostAt >= 0) {
    const hostText = record[hostAt]!;
    const h = hostnameOf(hostText);
    if (h !== null) hostname = h;
    else
      errors = withError(errors, line, columns[hostAt]!, (normaliseHostname(hostText) as { message: string }).message);
  }
  const portAt = columnOf(record, layout, "port");
  if (portAt >= 0) {
    const p = portOf(record[portAt]!);
    if (p >= 0) port = p;
    else
      errors = withError(
        errors,
        line,
        columns[portAt]!,
        `port must be a whole number 0-${MAX_PORT}: '${record[portAt]}'`,
      );
  }
  let asn: number | null = null;
  const asnAt = columnOf(record, layout, "asn");
  if (asnAt >= 0) {
    const a = asnOf(record[asnAt]!);
    if (a >= 0) asn = a;
    else errors = withError(errors, line, columns[asnAt]!, `not an AS number: '${record[asnAt]}'`);
  }
  let seenAt: string | null = null;
  const timeAt = columnOf(record, layout, "timestamp");
  if (timeAt >= 0) {
    const timeText = record[timeAt]!;
    seenAt = fastTimestamp(timeText);
    if (seenAt === null) {
      const t = parseTimestamp(timeText);
      if (t.ok) seenAt = t.value.toISOString();
      else errors = withError(errors, line, columns[timeAt]!, t.message);
    }
  }
  if (!ip && !network && !hostname && errors === null) {
    const { at } = layout;
    const column = [at.ip, at.network, at.address, at.hostname].find((c) => c >= 0);
    errors = [
      rowError(line, column === undefined ? "ip" : columns[column]!, "no IP address, network or hostname in this row"),
    ];
  }
  if (errors !== null) return { ok: false, errors };
  const value = (role: Role) => {
    const c = columnOf(record, layout, role);
    return c < 0 ? null : text(record[c]);
  };
  return {
    ok: true,
    row: {
      line,
      ip,
      network,
      port,
      protocol: value("protocol")?.toLowerCase() ?? null,
      hostname,
      asn,
      seenAt,
      tag: value("tag"),
      version: value("version"),
      severity: value("severity")?.toLowerCase() ?? null,
      record,
      layout,
    },
  };
}

/** The row's other non-empty columns as a JSON object by name. */
export function rawJson(row: ExposureRow): string | null {
  const { record, layout } = row;
  let json = "";
  for (let k = 0; k < layout.rawAt.length; k++) {
    const v = record[layout.rawAt[k]!];
    if (v) json += (json ? "," : "{") + layout.rawKeys[k] + JSON.stringify(v);
  }
  return json ? json + "}" : null;
}

/**
 * The identity of an exposure inside a list and across a campaign's lists: `ip|port|hostname`, each part
 * normalised, empty when absent (a network in the ip part as `address/bits`, as PostgreSQL's abbrev() writes
 * it: the SQL host_key() gives the same). Rows with the same key are one host.
 */
type Address = Pick<ExposureRow, "ip"> & { network?: Cidr | null };

export const hostKey = (row: Address & Pick<ExposureRow, "port" | "hostname">) =>
  `${addressText(row) ?? ""}|${row.port ?? ""}|${row.hostname ?? ""}`;

/** The row's address as stored: the IP address, or the network as `address/bits`. */
export const addressText = (row: Address): string | null => row.ip?.text ?? row.network?.text ?? null;
