import { AppError, type ErrorDetail } from "../errors.ts";
import { parseCidr } from "../match/ip-address.ts";
import {
  ADDRESS_ROLES,
  canonicalColumnName,
  DECIDING_ROLES,
  headerMap,
  isRole,
  NEVER_ROUTES,
  roleOfName,
  ROLES,
  type HeaderMap,
  type Role,
} from "./column-roles.ts";
import type { ReportTypeSpec } from "./shadowserver/report-type-spec.ts";
import { reportType, reportTypeOfFileName, reportTypesOfHeader } from "./shadowserver/report-types.ts";

/** What an upload may say about how to read it (sent before the file: they change how it is read). */
export type ReadOptions = {
  fileName?: string;
  /** A Shadowserver report type (`scan_exchange`), when neither the file name nor the header says it. */
  reportType?: string;
  /** Column name -> role, or `ignore` to keep a column as data: the analyst's word over any other rule. */
  columns?: Record<string, string>;
};

/** Where the columns' roles come from: a publisher's definition, or the names alone. */
export type LayoutKind = "shadowserver" | "intelmq" | "shodan" | "columns" | "text";
/** Why a column has its role: the report type's schema, a known layout, its name, the analyst's mapping. */
export type RoleSource = "report" | "layout" | "name" | "mapping";

export type LayoutInfo = {
  kind: LayoutKind;
  /** The Shadowserver report type, when one was recognised. */
  reportType: ReportTypeSpec | null;
  /** Types sharing the header, when the header alone was recognised (scan_x and scan6_x...). */
  reportTypeCandidates: readonly ReportTypeSpec[];
  columns: { name: string; role: Role | null; by: RoleSource | null }[];
  map: HeaderMap;
  /** Why these columns cannot be read safely (the upload is refused with it), or null. */
  problem: AppError | null;
};

const MAPPING_EXAMPLE = (pairs: [string, string][]) => JSON.stringify(Object.fromEntries(pairs));

function specRoles(spec: ReportTypeSpec, names: string[]): { roles: (Role | null)[]; second: number[] } {
  const roles: (Role | null)[] = names.map(() => null);
  const second: number[] = [];
  const give = (column: string | null, role: Role, isSecond = false) => {
    const i = column === null ? -1 : names.indexOf(column);
    if (i < 0 || roles[i]) return;
    roles[i] = role;
    if (isSecond) second.push(i);
  };
  // The ip column also takes a network (blocklist: IntelMQ maps `ip` to source.ip and source.network).
  give(spec.ip, "ip");
  give(spec.network, "network");
  give(spec.fqdn, "hostname");
  give(spec.reverseDns, "hostname", spec.fqdn !== null && names.includes(spec.fqdn));
  give(spec.port, "port");
  give(spec.asn, "asn");
  give(spec.timestamp, "timestamp");
  give(spec.protocol, "protocol");
  give(spec.severity, "severity");
  give(spec.tag, "tag");
  give(spec.version, "version");
  return { roles, second };
}

// IntelMQ's event fields (its CSV and JSON outputs), with IntelMQ's own precedence for the host name.
const INTELMQ: [string, Role, boolean?][] = [
  ["source.ip", "ip"],
  ["source.network", "network"],
  ["source.fqdn", "hostname"],
  ["source.reverse_dns", "hostname", true],
  ["source.port", "port"],
  ["source.asn", "asn"],
  ["time.source", "timestamp"],
  ["protocol.transport", "protocol"],
  ["classification.identifier", "tag"],
  ["severity", "severity"],
];
const isIntelMq = (names: string[]) =>
  names.some((n) => n === "source.ip" || n === "source.fqdn" || n === "source.network" || n === "time.source");

// Shodan's banners (its JSON export): the address is `ip_str` (`ip` is the same address as an integer).
// `hostname` and `cves` are made by the reader from `hostnames` (the first) and `vulns` (their ids).
const SHODAN: [string, Role][] = [
  ["ip_str", "ip"],
  ["port", "port"],
  ["hostname", "hostname"],
  ["asn", "asn"],
  ["timestamp", "timestamp"],
  ["transport", "protocol"],
  ["cves", "tag"],
  ["version", "version"],
];
const isShodan = (names: readonly string[]) => names.includes("ip_str");

function fixedRoles(names: string[], table: [string, Role, boolean?][]) {
  const roles: (Role | null)[] = names.map(() => null);
  const second: number[] = [];
  for (const [name, role, isSecond] of table) {
    const i = names.indexOf(name);
    if (i < 0) continue;
    roles[i] = role;
    if (isSecond) second.push(i);
  }
  return { roles, second };
}

/**
 * The columns that make a header ambiguous: two columns with one deciding role, or two address columns
 * (an ip and a network, say). `only` limits the check to some columns (a publisher's layout orders its
 * own; only what the analyst mapped over it can clash).
 */
function conflicts(names: string[], roles: (Role | null)[], second: number[], only?: Set<string>): ErrorDetail[] {
  const ambiguous: ErrorDetail[] = [];
  const counted = (i: number) => !second.includes(i) && (!only || only.has(names[i]!));
  for (const role of DECIDING_ROLES) {
    const claim = names.filter((_, i) => roles[i] === role && counted(i));
    if (claim.length > 1) {
      for (const c of claim)
        ambiguous.push({ line: 1, field: c, message: `${claim.join(", ")} could each be the ${role}` });
    }
  }
  const addresses = names.filter((_, i) => roles[i] !== null && ADDRESS_ROLES.includes(roles[i]!) && counted(i));
  if (addresses.length > 1 && !ambiguous.some((a) => addresses.includes(a.field!))) {
    for (const c of addresses) {
      ambiguous.push({ line: 1, field: c, message: `${addresses.join(", ")} could each be the address to notify` });
    }
  }
  return ambiguous;
}

function checkMapping(names: string[], mapping: Record<string, string>): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [column, role] of Object.entries(mapping)) {
    if (!names.includes(column)) {
      problems.push({
        field: "columns",
        message: `no column '${column}' in this file (its columns: ${names.join(", ")})`,
      });
    } else if (role !== "ignore" && !isRole(role)) {
      problems.push({
        field: "columns",
        message: `'${role}' for ${column} is not a role (${ROLES.join(", ")} or ignore)`,
      });
    }
  }
  return problems;
}

/**
 * Decides what each column of a header (CSV) or key list (JSON) is: by the Shadowserver report type (named
 * by the upload, its file name, or its exact header), by IntelMQ's or Shodan's field names, or by the
 * unambiguous names of ROLE_NAMES; then the analyst's mapping (`columns`) over all of it. Never guesses a
 * column that routes: two candidate address columns, or none, make a `problem` that says how to map them.
 */
export function planColumns(header: readonly string[], options: ReadOptions, source: "csv" | "json"): LayoutInfo {
  const names = header.map((n) => n.trim());
  const mapping = options.columns ?? {};
  let kind: LayoutKind = "columns";
  let spec: ReportTypeSpec | null = null;
  let candidates: readonly ReportTypeSpec[] = [];
  let problem: AppError | null = null;
  let planned: { roles: (Role | null)[]; second: number[] };
  let by: RoleSource = "name";

  const mappingProblems = checkMapping(names, mapping);
  if (options.reportType) {
    spec = reportType(options.reportType) ?? null;
    if (!spec)
      problem = new AppError("validation", `reportType: '${options.reportType}' is not a Shadowserver report type`, [
        { field: "reportType", message: "unknown report type (see docs/report-types.md)" },
      ]);
  } else if (options.fileName) {
    spec = reportTypeOfFileName(options.fileName) ?? null;
  }
  if (!spec && !options.reportType && source === "csv") {
    candidates = reportTypesOfHeader(names);
    spec = candidates[0] ?? null;
  }
  if (spec) {
    kind = "shadowserver";
    by = "report";
    if (candidates.length === 0) candidates = [spec];
    planned = specRoles(spec, names);
    if (spec.refused)
      problem = new AppError("bad_request", spec.refused, [{ field: "reportType", message: spec.type }]);
    else if (!planned.roles.some((r) => r === "ip" || r === "network" || r === "hostname") && !problem) {
      const wanted = [spec.ip, spec.network, spec.fqdn].filter(Boolean).join(" or ");
      problem = new AppError(
        "bad_request",
        `This is Shadowserver's ${spec.name} report (${spec.type}), but its header has no ${wanted} column: ` +
          "is it another report type? Name it with the upload's reportType field",
        [{ line: 1, field: "header", message: `no ${wanted} column` }],
      );
    }
  } else if (source === "json" && isShodan(names)) {
    kind = "shodan";
    by = "layout";
    planned = fixedRoles(names, SHODAN);
  } else if (isIntelMq(names)) {
    kind = "intelmq";
    by = "layout";
    planned = fixedRoles(names, INTELMQ);
  } else {
    // A describing role named twice (`time` and `timestamp`) is read from the first; the other stays data.
    // Two columns for a deciding role are left to `conflicts`: they are refused, not picked from.
    const roles = names.map((n) => roleOfName(n) ?? null);
    roles.forEach((r, i) => {
      if (r && !DECIDING_ROLES.includes(r) && roles.indexOf(r) < i) roles[i] = null;
    });
    planned = { roles, second: [] };
  }

  // The analyst's mapping: a mapped role is taken from every other column.
  const roles = [...planned.roles];
  const second = [...planned.second];
  const sources: (RoleSource | null)[] = roles.map((r) => (r ? by : null));
  for (const [column, role] of Object.entries(mapping)) {
    const i = names.indexOf(column);
    if (i < 0 || (role !== "ignore" && !isRole(role))) continue;
    const next = role === "ignore" ? null : role;
    if (next) {
      roles.forEach((r, k) => {
        if (r === next && !(names[k]! in mapping)) {
          roles[k] = null;
          sources[k] = null;
        }
      });
    }
    roles[i] = next;
    sources[i] = "mapping";
    const s = second.indexOf(i);
    if (s >= 0) second.splice(s, 1);
  }
  const ambiguous = conflicts(names, roles, second, kind === "columns" ? undefined : new Set(Object.keys(mapping)));
  for (const role of ROLES.filter((r) => !DECIDING_ROLES.includes(r))) {
    const mapped = names.filter((n, i) => roles[i] === role && n in mapping);
    if (mapped.length > 1)
      for (const c of mapped) ambiguous.push({ field: c, message: `${mapped.join(", ")} are both mapped to ${role}` });
  }
  const map = headerMap(names, roles, second);
  const columns = names.map((name, i) => ({ name, role: roles[i] ?? null, by: sources[i] ?? null }));
  const info = { kind, reportType: spec, reportTypeCandidates: candidates, columns, map };

  if (!problem && mappingProblems.length > 0)
    problem = new AppError(
      "validation",
      `Invalid columns: ${mappingProblems.map((p) => p.message).join("; ")}`,
      mappingProblems,
    );
  if (!problem && ambiguous.length > 0) problem = ambiguity(names, ambiguous);
  if (!problem && !map.hasAddress) problem = noAddress(names, source);
  return { ...info, problem };
}

function ambiguity(names: string[], details: ErrorDetail[]): AppError {
  const fields = [...new Set(details.map((d) => d.field!))];
  const example = MAPPING_EXAMPLE(fields.map((f, i) => [f, i === 0 ? (roleOfName(f) ?? "ip") : "ignore"]));
  return new AppError(
    "bad_request",
    `The header is ambiguous: ${details[0]!.message}. Baken does not guess whom to notify: say which column ` +
      `holds what with the upload's columns field (roles: ${ROLES.join(", ")}, or ignore), e.g. columns=${example}` +
      ` (columns: ${names.join(", ")})`,
    details,
  );
}

function noAddress(names: string[], source: "csv" | "json"): AppError {
  if (source === "csv" && names.some((n) => parseCidr(n.replace(/^"|"$/g, "")).ok)) {
    return new AppError(
      "bad_request",
      "This CSV has no header row: add one naming the address column (e.g. ip or hostname) as its first line",
      [{ line: 1, message: "expected a header row" }],
    );
  }
  const never = names.filter((n) => NEVER_ROUTES.includes(canonicalColumnName(n)));
  const why = never.length
    ? ` ${never.join(", ")} never route by themselves: in the feeds CERTs receive they hold a request path or URL, ` +
      "a Server banner, an attacked or contacted domain, or the other side of an event."
    : "";
  return new AppError(
    "bad_request",
    `The header names no address column Baken routes by (found: ${names.slice(0, 20).join(", ")}).${why} ` +
      `Name the column that holds the address of the party to notify (ip, ip_address, src_ip, source.ip, hostname, ` +
      `fqdn, network, address... see the README), or map it with the upload's columns field, e.g. ` +
      `columns=${MAPPING_EXAMPLE([[never[0] ?? names[0] ?? "column", "hostname"]])}`,
    [{ line: 1, field: "header", message: "no address column" }],
  );
}
