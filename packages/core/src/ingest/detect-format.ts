import { AppError } from "../errors.ts";
import { parseIp } from "../match/ip-address.ts";
import { FIELD_ALIASES, fieldOf, mapHeader } from "./field-aliases.ts";

export type InputFormat = "csv" | "text" | "json" | "ndjson";
export type Detected = { format: InputFormat; delimiter?: "," | ";" | "\t" };

const DELIMITERS = [",", ";", "\t"] as const;

/** Splits one CSV line on a delimiter, honouring double quotes (enough for a header row). */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell);
      cell = "";
    } else cell += c;
  }
  out.push(cell);
  return out;
}

function countOutsideQuotes(line: string, ch: string) {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** True when the text looks like a binary file: NUL bytes, or more than 1% control characters. */
export function looksBinary(sample: string): boolean {
  if (sample.includes("\0")) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return control > sample.length / 100;
}

export const recognisedColumns = () => Object.values(FIELD_ALIASES).flat();

/**
 * Decides a file's format from its beginning (the BOM already removed): a JSON array, NDJSON, CSV with a
 * header row naming an address column (comma, semicolon or tab: the one the header uses most), or plain
 * text with one address a line. Throws a 400 for a binary file or a header without an address column.
 */
export function detectFormat(sample: string): Detected {
  if (looksBinary(sample.slice(0, 64 * 1024))) {
    throw new AppError("bad_request", "This is a binary file, not a list: upload CSV, plain text, JSON or NDJSON");
  }
  const first = sample.split(/\r?\n/).find((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
  if (first === undefined) throw new AppError("bad_request", "The file is empty: no rows to read");
  const line = first.trim();
  if (line.startsWith("[")) return { format: "json" };
  if (line.startsWith("{")) return { format: "ndjson" };
  const counts = DELIMITERS.map((d) => countOutsideQuotes(line, d));
  const best = Math.max(...counts);
  if (best === 0) {
    // One column: a header naming an address field, or already the first address.
    return fieldOf(line.replace(/^"|"$/g, "")) ? { format: "csv", delimiter: "," } : { format: "text" };
  }
  const delimiter = DELIMITERS[counts.indexOf(best)]!;
  const columns = splitCsvLine(line, delimiter);
  if (mapHeader(columns).hasAddress) return { format: "csv", delimiter };
  if (parseIp(columns[0]!.trim())) {
    throw new AppError(
      "bad_request",
      "This CSV has no header row: add one naming the address column (e.g. ip, hostname or url) as its first line",
      [{ line: 1, message: "expected a header row" }],
    );
  }
  throw new AppError(
    "bad_request",
    `The header names no address column (found: ${columns
      .slice(0, 20)
      .map((c) => c.trim())
      .join(", ")}); ` +
      "name one ip, ip_address, address, src_ip, host, hostname, domain or url (see the README for every name)",
    [{ line: 1, field: "header", message: "no address column" }],
  );
}
