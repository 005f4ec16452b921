import { AppError } from "../errors.ts";
import { CsvRecords, MAX_RECORD_BYTES } from "./csv-records.ts";
import { isCommentLine, type Detected } from "./detect-format.ts";
import { normaliseRow } from "./normalise-row.ts";
import { planColumns, type LayoutInfo, type ReadOptions } from "./plan-columns.ts";
import { PlainCsvRow, readPlainCsvLine } from "./plain-csv-row.ts";
import type { ExposureVisitor, ReadResult } from "./read-exposures.ts";
import { ReportTypeOf } from "./report-type-of.ts";

/**
 * CSV from bytes, a line at a time: each line is first read in place (readPlainCsvLine); the header, a
 * line that is not plain and the lines of a quoted record are decoded and read as strings (CsvRecords).
 */
export async function csvFromBytes(
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
