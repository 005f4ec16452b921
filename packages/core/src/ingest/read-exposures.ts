import { AppError } from "../errors.ts";
import { CsvLines, MAX_RECORD_BYTES } from "./csv-lines.ts";
import { detectFormat, type Detected } from "./detect-format.ts";
import { mapHeader, type HeaderMap } from "./field-aliases.ts";
import { normaliseRow, type RowResult } from "./normalise-row.ts";
import { PlainCsvRow, readPlainCsvLine } from "./plain-csv-row.ts";

const SNIFF_BYTES = 64 * 1024;

/**
 * What reading a list hands out, row by row in file order. `plain` gets CSV rows read in place (the same
 * PlainCsvRow each time: use it before returning); `row` gets every other row, or a row's errors.
 * `drain` is awaited after each chunk of the file: the place to flush output, so that a million rows
 * cost thousands of awaits, not millions.
 */
export type ExposureVisitor = {
  plain(row: PlainCsvRow): void;
  row(result: RowResult): void;
  drain(): Promise<void>;
};

/** The chunk as a Buffer over the same bytes (a view, not a copy). */
const asBuffer = (chunk: Buffer | Uint8Array): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** Text chunks of a byte stream, UTF-8 decoded (a BOM dropped, a split character kept whole). */
async function* decode(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: false });
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
const TEXT_LAYOUT: HeaderMap = { ...mapHeader(["address"]), columns: ["value"] };

// Objects of one list nearly always share their keys: one layout per distinct key list.
const objectLayouts = new Map<string, HeaderMap>();

function rowOfObject(line: number, value: unknown): RowResult {
  if (typeof value === "string") return normaliseRow(line, [value], TEXT_LAYOUT);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, errors: [{ line, field: "row", message: "expected an object with an address field" }] };
  // Empty values are left out before naming columns: `{"ip": "", "ip_address": "198.18.0.1"}` has an ip.
  const keys: string[] = [];
  const record: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined || v === "") continue;
    keys.push(key);
    record.push(typeof v === "object" ? JSON.stringify(v) : String(v));
  }
  const id = keys.join("\n");
  let layout = objectLayouts.get(id);
  if (!layout) {
    if (objectLayouts.size >= 1_000) objectLayouts.clear();
    layout = mapHeader(keys);
    objectLayouts.set(id, layout);
  }
  return normaliseRow(line, record, layout);
}

/**
 * CSV from bytes, a line at a time: each line is first read in place (readPlainCsvLine); the header, a
 * line that is not plain and the lines of a quoted record are decoded and read as strings (CsvLines).
 */
async function csvFromBytes(chunks: AsyncIterable<Buffer>, delimiter: string, visitor: ExposureVisitor) {
  const csv = new CsvLines(delimiter);
  const plain = new PlainCsvRow();
  const separator = delimiter.charCodeAt(0);
  let line = 0;
  const read = (buf: Buffer, start: number, end: number) => {
    line++;
    if (end > start && buf[end - 1] === 13) end--;
    if (end === start) return;
    if (csv.header && !csv.open && readPlainCsvLine(buf, start, end, line, separator, csv.header, plain)) {
      visitor.plain(plain);
      return;
    }
    const r = csv.push(line, buf.toString("utf8", start, end));
    if (r) visitor.row(r);
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
  if (last) visitor.row(last);
  await visitor.drain();
}

async function* textRows(text: AsyncIterable<string>): AsyncGenerator<RowResult[]> {
  for await (const { first, lines } of lineBatches(text)) {
    const out: RowResult[] = [];
    lines.forEach((l, k) => {
      const value = l.replace(/(^|\s)#.*$/, "").trim();
      if (value) out.push(normaliseRow(first + k, [value], TEXT_LAYOUT));
    });
    if (out.length > 0) yield out;
  }
}

async function* ndjsonRows(text: AsyncIterable<string>): AsyncGenerator<RowResult[]> {
  for await (const { first, lines } of lineBatches(text)) {
    const out: RowResult[] = [];
    lines.forEach((l, k) => {
      const n = first + k;
      const s = l.trim();
      if (!s || s.startsWith("#")) return;
      let value: unknown;
      try {
        value = JSON.parse(s);
      } catch {
        out.push({ ok: false, errors: [{ line: n, field: "row", message: "not valid JSON" }] });
        return;
      }
      out.push(rowOfObject(n, value));
    });
    if (out.length > 0) yield out;
  }
}

/** Cuts a JSON array into its elements as they stream by, without holding the array. */
async function* jsonArrayRows(text: AsyncIterable<string>): AsyncGenerator<RowResult[]> {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let line = 1;
  let start = 1;
  let element = "";
  let done = false;
  const finish = (): RowResult | null => {
    const s = element.trim();
    element = "";
    if (!s) return null;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch {
      return { ok: false, errors: [{ line: start, field: "row", message: "not valid JSON" }] };
    }
    return rowOfObject(start, value);
  };
  for await (const chunk of text) {
    const out: RowResult[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === "\n") line++;
      if (done) {
        if (c.trim()) throw new AppError("bad_request", `Text after the end of the JSON array (line ${line})`);
        continue;
      }
      if (depth === 0) {
        if (c === "[") depth = 1;
        else if (c.trim()) throw new AppError("bad_request", `Expected a JSON array (line ${line})`);
        continue;
      }
      if (inString) {
        element += c;
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (depth === 1 && (c === "," || c === "]")) {
        const r = finish();
        if (r) out.push(r);
        if (c === "]") done = true;
        continue;
      }
      if (!element.trim() && c.trim()) start = line;
      if (c === '"') inString = true;
      else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") depth--;
      element += c;
      if (element.length > MAX_RECORD_BYTES)
        throw new AppError("bad_request", `The element at line ${start} is larger than 1 MB`);
    }
    if (out.length > 0) yield out;
  }
  if (!done) throw new AppError("bad_request", "The JSON array is not closed: the file ends inside it");
}

/**
 * Reads an exposure list as it streams in: detects the format from its first 64 KB, then hands every row
 * (validated), or a row's errors, to the visitor, in file order. Never holds the whole file.
 */
export async function readExposures(
  source: AsyncIterable<Buffer | Uint8Array>,
  visitor: ExposureVisitor,
): Promise<Detected> {
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
  const detected = detectFormat(new TextDecoder().decode(Buffer.concat(head), { stream: true }));
  async function* all(): AsyncGenerator<Buffer> {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield asBuffer(next.value);
  }
  if (detected.format === "csv") {
    await csvFromBytes(all(), detected.delimiter ?? ",", visitor);
    return detected;
  }
  const text = decode(all());
  const rows =
    detected.format === "text" ? textRows(text) : detected.format === "ndjson" ? ndjsonRows(text) : jsonArrayRows(text);
  for await (const batch of rows) {
    for (const r of batch) visitor.row(r);
    await visitor.drain();
  }
  return detected;
}
