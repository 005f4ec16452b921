import { parseIp, type IpAddress } from "../match/ip-address.ts";
import type { ExposureField } from "./field-aliases.ts";
import { fastTimestamp, normaliseHostname, parseAsn, parsePort, parseTimestamp } from "./normalise-values.ts";

/** An accepted row, normalised. `raw` keeps the row's other non-empty columns as they were. */
export type ExposureRow = {
  line: number;
  ip: IpAddress | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  asn: number | null;
  /** ISO 8601, UTC. */
  seenAt: string | null;
  tag: string | null;
  version: string | null;
  raw: Record<string, string> | null;
};

export type RowError = { line: number; field: string; message: string };
export type RowResult = { ok: true; row: ExposureRow } | { ok: false; errors: RowError[] };

/** A row as read: per field, the column it came from and its text. */
export type RawFields = Partial<Record<ExposureField, { column: string; value: string }>>;

const MAX_TEXT = 1000;
const DEFAULT_PORT: Record<string, number> = {
  "http:": 80,
  "https:": 443,
  "ftp:": 21,
  "smtp:": 25,
  "ldap:": 389,
  "ldaps:": 636,
};

/**
 * Splits an address as leaked lists write them: an IP address, a hostname, `host:port`, `[v6]:port` or
 * a URL. Returns what it found, or a message.
 */
export function parseAddress(
  input: string,
): { ok: true; ip: IpAddress | null; hostname: string | null; port: number | null } | { ok: false; message: string } {
  const s = input.trim();
  const ip = parseIp(s);
  if (ip) return { ok: true, ip, hostname: null, port: null };
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
    if (hostIp) return { ok: true, ip: hostIp, hostname: null, port };
    const name = normaliseHostname(host);
    return name.ok ? { ok: true, ip: null, hostname: name.value, port } : name;
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
  return { ok: true, ip: null, hostname: name.value, port: null };
}

// Module-level helpers, not closures: normaliseRow runs a million times per big upload.
const rowError = (line: number, field: string, message: string): RowError => ({ line, field, message });

const text = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s.slice(0, MAX_TEXT) : null;
};

/**
 * Validates and normalises one row: IPv4/IPv6 (canonical, IPv4-mapped folded), port 0-65535, hostname
 * syntax, AS number, timestamp. A row needs an IP address or a hostname. Every bad field is reported.
 */
export function normaliseRow(line: number, fields: RawFields, raw: Record<string, string> | null): RowResult {
  const errors: RowError[] = [];
  let ip: IpAddress | null = null;
  let hostname: string | null = null;
  let port: number | null = null;

  const ipField = fields.ip;
  if (ipField && ipField.value.trim()) {
    ip = parseIp(ipField.value);
    if (!ip) errors.push(rowError(line, ipField.column, `not an IPv4 or IPv6 address: '${ipField.value.trim()}'`));
  }
  for (const f of [fields.address, fields.url] as const) {
    if (!f || !f.value.trim()) continue;
    const a = parseAddress(f.value);
    if (!a.ok) {
      errors.push(rowError(line, f.column, a.message));
      continue;
    }
    ip ??= a.ip;
    hostname ??= a.hostname;
    port ??= a.port;
  }
  const hostField = fields.hostname;
  if (hostField && hostField.value.trim()) {
    const asIp = parseIp(hostField.value);
    if (asIp) ip ??= asIp;
    else {
      const h = normaliseHostname(hostField.value);
      if (h.ok) hostname = h.value;
      else errors.push(rowError(line, hostField.column, h.message));
    }
  }
  if (fields.port && fields.port.value.trim()) {
    const p = parsePort(fields.port.value);
    if (p.ok) port = p.value;
    else errors.push(rowError(line, fields.port.column, p.message));
  }
  let asn: number | null = null;
  if (fields.asn && fields.asn.value.trim()) {
    const a = parseAsn(fields.asn.value);
    if (a.ok) asn = a.value;
    else errors.push(rowError(line, fields.asn.column, a.message));
  }
  let seenAt: string | null = null;
  if (fields.timestamp && fields.timestamp.value.trim()) {
    seenAt = fastTimestamp(fields.timestamp.value);
    if (seenAt === null) {
      const t = parseTimestamp(fields.timestamp.value);
      if (t.ok) seenAt = t.value.toISOString();
      else errors.push(rowError(line, fields.timestamp.column, t.message));
    }
  }
  if (!ip && !hostname && errors.length === 0) {
    const column = fields.ip?.column ?? fields.address?.column ?? fields.hostname?.column ?? fields.url?.column ?? "ip";
    errors.push(rowError(line, column, "no IP address or hostname in this row"));
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    row: {
      line,
      ip,
      port,
      protocol: text(fields.protocol?.value)?.toLowerCase() ?? null,
      hostname,
      asn,
      seenAt,
      tag: text(fields.tag?.value),
      version: text(fields.version?.value),
      raw,
    },
  };
}

/**
 * The identity of an exposure inside a list and across a campaign's lists: `ip|port|hostname`, each part
 * normalised, empty when absent. Rows with the same key are one host.
 */
export const hostKey = (row: Pick<ExposureRow, "ip" | "port" | "hostname">) =>
  `${row.ip?.text ?? ""}|${row.port ?? ""}|${row.hostname ?? ""}`;
