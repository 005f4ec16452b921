import { parseIp, type IpAddress } from "../match/ip-address.ts";
import type { HeaderMap } from "./field-aliases.ts";
import {
  asnOf,
  fastTimestamp,
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
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  asn: number | null;
  /** ISO 8601, UTC. */
  seenAt: string | null;
  tag: string | null;
  version: string | null;
  record: readonly string[];
  layout: HeaderMap;
};

export type RowError = { line: number; field: string; message: string };
export type RowResult = { ok: true; row: ExposureRow } | { ok: false; errors: RowError[] };

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
const withError = (errors: RowError[] | null, line: number, field: string, message: string): RowError[] => {
  const list = errors ?? [];
  list.push(rowError(line, field, message));
  return list;
};

const text = (v: string | undefined) => {
  const s = v?.trim();
  return s ? s.slice(0, MAX_TEXT) : null;
};

const valueAt = (record: readonly string[], at: number): string | undefined => (at >= 0 ? record[at] : undefined);

/**
 * Validates and normalises one row, read as `record` with its columns named by `layout`: IPv4/IPv6
 * (canonical, IPv4-mapped folded), port 0-65535, hostname syntax, AS number, timestamp. A row needs an IP
 * address or a hostname. Every bad field is reported, under its column's name.
 */
export function normaliseRow(line: number, record: readonly string[], layout: HeaderMap): RowResult {
  const { at, columns } = layout;
  let errors: RowError[] | null = null;
  let ip: IpAddress | null = null;
  let hostname: string | null = null;
  let port: number | null = null;

  const ipText = valueAt(record, at.ip)?.trim();
  if (ipText) {
    ip = parseIp(ipText);
    if (!ip) errors = withError(errors, line, columns[at.ip]!, `not an IPv4 or IPv6 address: '${ipText}'`);
  }
  for (let k = 0; k < 2; k++) {
    const column = k === 0 ? at.address : at.url;
    const value = valueAt(record, column);
    if (!value?.trim()) continue;
    const a = parseAddress(value);
    if (!a.ok) {
      errors = withError(errors, line, columns[column]!, a.message);
      continue;
    }
    ip ??= a.ip;
    hostname ??= a.hostname;
    port ??= a.port;
  }
  const hostText = valueAt(record, at.hostname);
  if (hostText?.trim()) {
    const asIp = parseIp(hostText);
    if (asIp) ip ??= asIp;
    else {
      const h = hostnameOf(hostText);
      if (h !== null) hostname = h;
      else
        errors = withError(
          errors,
          line,
          columns[at.hostname]!,
          (normaliseHostname(hostText) as { message: string }).message,
        );
    }
  }
  const portText = valueAt(record, at.port);
  if (portText?.trim()) {
    const p = portOf(portText);
    if (p >= 0) port = p;
    else errors = withError(errors, line, columns[at.port]!, `port must be a whole number 0-65535: '${portText}'`);
  }
  let asn: number | null = null;
  const asnText = valueAt(record, at.asn);
  if (asnText?.trim()) {
    const a = asnOf(asnText);
    if (a >= 0) asn = a;
    else errors = withError(errors, line, columns[at.asn]!, `not an AS number: '${asnText}'`);
  }
  let seenAt: string | null = null;
  const timeText = valueAt(record, at.timestamp);
  if (timeText?.trim()) {
    seenAt = fastTimestamp(timeText);
    if (seenAt === null) {
      const t = parseTimestamp(timeText);
      if (t.ok) seenAt = t.value.toISOString();
      else errors = withError(errors, line, columns[at.timestamp]!, t.message);
    }
  }
  if (!ip && !hostname && errors === null) {
    const column = [at.ip, at.address, at.hostname, at.url].find((c) => c >= 0);
    errors = [rowError(line, column === undefined ? "ip" : columns[column]!, "no IP address or hostname in this row")];
  }
  if (errors !== null) return { ok: false, errors };
  return {
    ok: true,
    row: {
      line,
      ip,
      port,
      protocol: text(valueAt(record, at.protocol))?.toLowerCase() ?? null,
      hostname,
      asn,
      seenAt,
      tag: text(valueAt(record, at.tag)),
      version: text(valueAt(record, at.version)),
      record,
      layout,
    },
  };
}

/** The row's other non-empty columns as a JSON object by name (extra cells past the header as `column_N`). */
export function rawJson(row: ExposureRow): string | null {
  const { record, layout } = row;
  let json = "";
  for (let k = 0; k < layout.rawAt.length; k++) {
    const v = record[layout.rawAt[k]!];
    if (v) json += (json ? "," : "{") + layout.rawKeys[k] + JSON.stringify(v);
  }
  if (record.length > layout.columns.length) {
    for (let i = layout.columns.length; i < record.length; i++)
      if (record[i]) json += (json ? "," : "{") + `"column_${i + 1}":` + JSON.stringify(record[i]);
  }
  return json ? json + "}" : null;
}

/**
 * The identity of an exposure inside a list and across a campaign's lists: `ip|port|hostname`, each part
 * normalised, empty when absent. Rows with the same key are one host.
 */
export const hostKey = (row: Pick<ExposureRow, "ip" | "port" | "hostname">) =>
  `${row.ip?.text ?? ""}|${row.port ?? ""}|${row.hostname ?? ""}`;
