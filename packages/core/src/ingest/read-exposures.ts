import { AppError } from "../errors.ts";
import { headerMap, roleOfName, ADDRESS_ROLES, type HeaderMap } from "./column-roles.ts";
import { CsvRecords, MAX_RECORD_BYTES } from "./csv-records.ts";
import { detectFormat, isCommentLine, type Detected } from "./detect-format.ts";
import { JsonRows } from "./json-rows.ts";
import { normaliseRow, type RowResult } from "./normalise-row.ts";
import { planColumns, type LayoutInfo, type ReadOptions } from "./plan-columns.ts";
import { PlainCsvRow, readPlainCsvLine } from "./plain-csv-row.ts";
import { narrowByIpVersion } from "./shadowserver/report-types.ts";
import type { ReportTypeSpec } from "./shadowserver/report-type-spec.ts";

const SNIFF_BYTES = 64 * 1024;

/** How an upload was read: its format, and how its columns were given their roles. */
export type ReadLayout = Detected & LayoutInfo;

/**
 * What reading a list hands out, row by row in file order. `layout` gets the columns' roles once they are
 * known (before the first row; also when they are refused, just before the 400). `plain` gets CSV rows read
 * in place (the same PlainCsvRow each time: use it before returning); `row` gets every other row, or a row's
 * errors. `drain` is awaited after each chunk of the file: the place to flush output, so that a million rows
 * cost thousands of awaits, not millions.
 */
export type ExposureVisitor = {
  layout?(layout: ReadLayout): void;
  plain(row: PlainCsvRow): void;
  row(result: RowResult): void;
  drain(): Promise<void>;
};

/** The result: the layout, and the report type settled once the rows showed their IP version. */
export type ReadResult = ReadLayout & { reportType: ReportTypeSpec | null };

/** The chunk as a Buffer over the same bytes (a view, not a copy). */
const asBuffer = (chunk: Buffer | Uint8Array): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** Text chunks of a byte stream, UTF-8 decoded (a split character kept whole; the BOM is gone already). */
async function* decode(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  for await (const chunk of source) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Lines of text, a chunk's worth at a time, with the number of the first; CRLF and LF both end a line. */
async function* lineBatches(chunks: AsyncIterable<string>): AsyncGenerator<{ first: number; lines: string[] }> {
  let carry = "";
  let n = 0;
  for await (const chunk of chunks) {
    const parts = (carry + chunk).split("\n");
    carry = parts.pop()!;
    if (carry.length > MAX_RECORD_BYTES)
      throw new AppError("bad_request", `Line ${n + parts.length + 1} is longer than 1 MB`);
    for (let i = 0; i < parts.length; i++) if (parts[i]!.endsWith("\r")) parts[i] = parts[i]!.slice(0, -1);
    yield { first: n + 1, lines: parts };
    n += parts.length;
  }
  if (carry) yield { first: n + 1, lines: [carry.endsWith("\r") ? carry.slice(0, -1) : carry] };
}

/** A plain-text line is one address, under the column name `value`. */
const TEXT_LAYOUT: HeaderMap = headerMap(["value"], ["address"]);

/** Tracks the IP version of the first row, to tell apart report types that share a header. */
class ReportTypeOf {
  private version: 4 | 6 | null = null;
  constructor(private readonly layout: LayoutInfo) {}
  get needed(): boolean {
    return this.version === null && this.layout.reportTypeCandidates.length > 1;
  }
  saw(version: 4 | 6): void {
    this.version = version;
  }
  settle(): ReportTypeSpec | null {
    const candidates = this.layout.reportTypeCandidates;
    if (candidates.length <= 1) return this.layout.reportType;
    const left = this.version === null ? candidates : narrowByIpVersion(candidates, this.version);
    return left.length === 1 ? left[0]! : null;
  }
}

/**
 * CSV from bytes, a line at a time: each line is first read in place (readPlainCsvLine); the header, a
 * line that is not plain and the lines of a quoted record are decoded and read as strings (CsvRecords).
 */
async function csvFromBytes(
  chunks: AsyncIterable<Buffer>,
  detected: Detected,
  options: ReadOptions,
  visitor: ExposureVisitor,
): Promise<ReadResult> {
  const delimiter = detected.delimiter ?? ",";
  const csv = new CsvRecords(delimiter);
  const plain = new PlainCsvRow();
  const separator = delimiter.charCodeAt(0);
  let layout: LayoutInfo | null = null;
  let types: ReportTypeOf | null = null;
  let line = 0;
  const header = (cells: string[]) => {
    // Spamhaus' CERT feeds write their header as a comment: `; ip, asn, ...`.
    if (delimiter !== ";") cells[0] = cells[0]!.replace(/^\s*;\s*/, "");
    layout = planColumns(cells, options, "csv");
    visitor.layout?.({ ...detected, ...layout });
    if (layout.problem) throw layout.problem;
    types = new ReportTypeOf(layout);
  };
  const read = (buf: Buffer, start: number, end: number) => {
    line++;
    if (end > start && buf[end - 1] === 13) end--;
    if (end === start && !csv.pending) return;
    const map = layout?.map;
    if (map && !csv.pending && readPlainCsvLine(buf, start, end, line, separator, map, plain)) {
      // In place, an address is always a dotted quad: IPv4.
      if (types!.needed && plain.ip >= 0) types!.saw(4);
      visitor.plain(plain);
      return;
    }
    const text = buf.toString("utf8", start, end);
    if (!map && !csv.pending && isCommentLine(text)) return;
    const record = csv.push(line, text);
    if (!record) return;
    if (!map) {
      if ("error" in record) throw new AppError("bad_request", `The header is not readable: ${record.error}`);
      header(record.cells);
      return;
    }
    if ("error" in record) {
      visitor.row({ ok: false, errors: [{ line: record.line, field: "row", message: record.error }] });
      return;
    }
    // A row with more or fewer fields than the header has lost or gained a delimiter or a quote: its
    // columns are shifted, and a shifted column could route. Refused whole.
    if (record.cells.length !== map.columns.length) {
      const message = `${record.cells.length} fields where the header has ${map.columns.length}: a delimiter or quote is missing or extra`;
      visitor.row({ ok: false, errors: [{ line: record.line, field: "row", message }] });
      return;
    }
    const r = normaliseRow(record.line, record.cells, map);
    if (r.ok && types!.needed && (r.row.ip ?? r.row.network)) types!.saw((r.row.ip ?? r.row.network)!.version);
    visitor.row(r);
  };
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    let buf: Buffer = chunk;
    let start = 0;
    if (carry) {
      // Only the line the chunks cut in two is joined, not the carry to the whole chunk: that copied
      // the whole upload once more.
      const nl = chunk.indexOf(10);
      if (nl < 0) buf = Buffer.concat([carry, chunk]);
      else {
        const joined = Buffer.concat([carry, chunk.subarray(0, nl)]);
        read(joined, 0, joined.length);
        start = nl + 1;
      }
    }
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      read(buf, start, nl);
      start = nl + 1;
    }
    carry = start < buf.length ? buf.subarray(start) : null;
    if (carry && carry.length > MAX_RECORD_BYTES)
      throw new AppError("bad_request", `Line ${line + 1} is longer than 1 MB`);
    await visitor.drain();
  }
  if (carry) read(carry, 0, carry.length);
  const last = csv.end();
  if (last && "error" in last) {
    if (!layout) throw new AppError("bad_request", `The header is not readable: ${last.error}`);
    visitor.row({ ok: false, errors: [{ line: last.line, field: "row", message: last.error }] });
  }
  await visitor.drain();
  if (!layout) throw new AppError("bad_request", "The file is empty: no header row and no rows to read");
  const done: LayoutInfo = layout;
  return { ...detected, ...done, reportType: types!.settle() };
}

async function textRows(text: AsyncIterable<string>, detected: Detected, visitor: ExposureVisitor) {
  const columns = [{ name: "value", role: "address" as const, by: "layout" as const }];
  const layout: LayoutInfo = {
    kind: "text",
    reportType: null,
    reportTypeCandidates: [],
    columns,
    map: TEXT_LAYOUT,
    problem: null,
  };
  visitor.layout?.({ ...detected, ...layout });
  for await (const { first, lines } of lineBatches(text)) {
    lines.forEach((l, k) => {
      // `#` starts a comment, and so does `;` (Spamhaus DROP: `198.51.100.0/24 ; SBL123`).
      const value = l.replace(/(^|\s)[#;].*$/, "").trim();
      if (value) visitor.row(normaliseRow(first + k, [value], TEXT_LAYOUT));
    });
    await visitor.drain();
  }
  return { ...detected, ...layout };
}

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
async function jsonRows(
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
      if (layouts.size >= 1_000) layouts.clear();
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

/**
 * Reads an exposure list as it streams in: detects the format from its first 64 KB (a UTF-8 BOM dropped,
 * split across chunks or not), decides what each column is (planColumns), then hands every row
 * (validated), or a row's errors, to the visitor, in file order. Never holds the whole file.
 */
export async function readExposures(
  source: AsyncIterable<Buffer | Uint8Array>,
  visitor: ExposureVisitor,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const chunks = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    const chunk = asBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
  }
  let start = Buffer.concat(head);
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) start = start.subarray(3);
  const detected = detectFormat(new TextDecoder().decode(start, { stream: true }), options.fileName);
  async function* all(): AsyncGenerator<Buffer> {
    if (start.length > 0) yield start;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield asBuffer(next.value);
  }
  if (detected.format === "csv") return csvFromBytes(all(), detected, options, visitor);
  if (detected.format === "text") {
    if (options.reportType || Object.keys(options.columns ?? {}).length > 0) {
      throw new AppError(
        "bad_request",
        "This file is plain text (one address a line, no header): it has no columns for reportType or columns to name",
        [{ line: 1, field: options.reportType ? "reportType" : "columns", message: "the file has no header row" }],
      );
    }
    return { ...(await textRows(decode(all()), detected, visitor)), reportType: null };
  }
  return jsonRows(decode(all()), detected, options, visitor);
}
