import { setImmediate as turn } from "node:timers/promises";
import { AppError } from "../errors.ts";
import { TEXT_LAYOUT } from "./column-roles.ts";
import { MAX_RECORD_BYTES } from "./csv-records.ts";
import { detectFormat, SNIFF_BYTES, type Detected } from "./detect-format.ts";
import { normaliseRow, type RowResult } from "./normalise-row.ts";
import type { LayoutInfo, ReadOptions } from "./plan-columns.ts";
import type { PlainCsvRow } from "./plain-csv-row.ts";
import { csvFromBytes } from "./read-csv.ts";
import { jsonRows } from "./read-json.ts";
import type { ReportTypeSpec } from "./shadowserver/report-type-spec.ts";

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

/**
 * The most bytes read before the event loop gets a turn. An await alone is no turn: the multipart stream
 * resolves from its buffer and the reader's drain from nothing to flush, all in microtasks, so a fast
 * client's buffered megabytes would be read in one go. A reader still cold in V8's interpreter (the first
 * upload after start) spends ~100 ms on 64 KiB of brackets or quoted lines.
 */
const SLICE_BYTES = 16 * 1024;

/** The chunk as a Buffer over the same bytes (a view, not a copy). */
const asBuffer = (chunk: Buffer | Uint8Array): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);

/** The chunk in views of SLICE_BYTES, each after a turn of the event loop. */
async function* slices(chunk: Buffer): AsyncGenerator<Buffer> {
  for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
    await turn();
    yield chunk.subarray(at, at + SLICE_BYTES);
  }
}

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

/**
 * Reads an exposure list as it streams in: detects the format from its first SNIFF_BYTES (a UTF-8 BOM dropped,
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
    yield* slices(start);
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield* slices(asBuffer(next.value));
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
