import { ADDRESS_ROLES, roleOfName, TEXT_LAYOUT } from "./column-roles.ts";
import type { Detected } from "./detect-format.ts";
import { JsonRows } from "./json-rows.ts";
import { normaliseRow, type RowResult } from "./normalise-row.ts";
import { planColumns, type LayoutInfo, type ReadOptions } from "./plan-columns.ts";
import type { ExposureVisitor, ReadResult } from "./read-exposures.ts";
import { ReportTypeOf } from "./report-type-of.ts";

/**
 * Distinct key sets whose column plan is kept: one source's NDJSON has a handful; a file whose every object
 * has keys of its own starts the cache over rather than growing it.
 */
const MAX_KEPT_LAYOUTS = 1_000;
const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** The text with every half surrogate pair made U+FFFD (String#toWellFormed, ES2024). */
const wellFormed = (s: string) => (SURROGATE.test(s) ? s.replace(LONE_SURROGATE, "\ufffd") : s);

/** Shodan keeps a banner's names in `hostnames` and its CVEs as the keys of `vulns`: one value each. */
function shodanExtras(o: Record<string, unknown>): Record<string, unknown> {
  const hostnames = Array.isArray(o.hostnames) ? o.hostnames : [];
  const vulns = o.vulns;
  const cves = Array.isArray(vulns) ? vulns : vulns && typeof vulns === "object" ? Object.keys(vulns) : [];
  return { ...o, hostname: hostnames[0] ?? null, cves: cves.length ? cves.join(";") : null };
}

/**
 * The rows of a JSON upload: each object's keys are its columns (empty values left out before naming them:
 * `{"ip": "", "ip_address": "198.18.0.1"}` has one address), a plain string element is an address.
 */
export async function jsonRows(
  text: AsyncIterable<string>,
  detected: Detected,
  options: ReadOptions,
  visitor: ExposureVisitor,
): Promise<ReadResult> {
  const mapped = new Set(
    Object.entries(options.columns ?? {})
      .filter(([, role]) => (ADDRESS_ROLES as readonly string[]).includes(role) || role === "hostname")
      .map(([column]) => column),
  );
  const isRowKey = (key: string) => {
    const role = roleOfName(key);
    return (
      mapped.has(key) ||
      key === "ip_str" ||
      key.startsWith("source.") ||
      role === "hostname" ||
      ADDRESS_ROLES.includes(role!)
    );
  };
  const scanner = new JsonRows(isRowKey);
  // Objects of one list nearly always share their keys: one layout per distinct key list.
  const layouts = new Map<string, LayoutInfo>();
  let first: LayoutInfo | null = null;
  let types: ReportTypeOf | null = null;
  const rowOf = (line: number, value: unknown): RowResult => {
    if (typeof value === "string") return normaliseRow(line, [value], TEXT_LAYOUT);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return { ok: false, errors: [{ line, field: "row", message: "expected an object with an address field" }] };
    let o = value as Record<string, unknown>;
    if ("ip_str" in o) o = shodanExtras(o);
    const keys: string[] = [];
    const record: string[] = [];
    for (const [key, v] of Object.entries(o)) {
      if (v === null || v === undefined || v === "") continue;
      // JSON may escape half a surrogate pair (`"\ud800"`): no database takes it, so it becomes U+FFFD.
      // A key is a column name, stored in raw: no NUL there either.
      keys.push(wellFormed(key).replaceAll("\0", "\ufffd"));
      record.push(wellFormed(typeof v === "object" ? JSON.stringify(v) : String(v)));
    }
    const id = keys.join("\n");
    let layout = layouts.get(id);
    if (!layout) {
      layout = planColumns(keys, options, "json");
      if (layouts.size >= MAX_KEPT_LAYOUTS) layouts.clear();
      layouts.set(id, layout);
      if (!first) {
        first = layout;
        types = new ReportTypeOf(layout);
        visitor.layout?.({ ...detected, ...layout });
        if (layout.problem) throw layout.problem;
      }
    }
    // Past the first object, an object without an address is a bad row; an ambiguous one stops the upload.
    if (layout.problem && !layout.map.hasAddress && layout.problem.code === "bad_request" && layout !== first)
      return { ok: false, errors: [{ line, field: "row", message: "no address field in this object" }] };
    if (layout.problem) throw layout.problem;
    const r = normaliseRow(line, record, layout.map);
    if (r.ok && types?.needed && (r.row.ip ?? r.row.network)) types.saw((r.row.ip ?? r.row.network)!.version);
    return r;
  };
  for await (const chunk of text) {
    for (const { line, value } of scanner.push(chunk)) visitor.row(rowOf(line, value));
    await visitor.drain();
  }
  for (const { line, value } of scanner.end()) visitor.row(rowOf(line, value));
  await visitor.drain();
  const format = { ...detected, format: scanner.format };
  const layout: LayoutInfo = first ?? {
    kind: "columns",
    reportType: null,
    reportTypeCandidates: [],
    columns: [],
    map: TEXT_LAYOUT,
    problem: null,
  };
  return { ...format, ...layout, reportType: types ? (types as ReportTypeOf).settle() : null };
}
