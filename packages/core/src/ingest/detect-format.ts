import { AppError } from "../errors.ts";
import { roleOfName } from "./column-roles.ts";

export type InputFormat = "csv" | "text" | "json" | "ndjson";
export type Detected = { format: InputFormat; delimiter?: "," | ";" | "\t" };

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * How much of the beginning a file's format is decided from: a header and the first rows of any feed (a
 * Shadowserver header is under 2 KB), while a binary file shows itself long before.
 */
export const SNIFF_BYTES = 64 * 1024;
/** More control characters than this share of a sample is a binary file (text has tabs and line ends only). */
const BINARY_CONTROL_SHARE = 0.01;

function countOutsideQuotes(line: string, ch: string) {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
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
  return control > sample.length * BINARY_CONTROL_SHARE;
}

/** A line before the header that is no part of the data: blank, or a `#` comment. */
export const isCommentLine = (line: string) => {
  const t = line.trim();
  return t === "" || t.startsWith("#");
};

/**
 * Decides a file's format from its beginning (the BOM already removed): JSON (an array, objects, or one
 * object holding the rows), CSV with a header row (comma, semicolon or tab: the one the header uses most
 * outside quotes), or plain text with one address a line. Which column is what is decided from the header
 * afterwards (planColumns). Throws a 400 for a binary or empty file, or a `.json` file that is not JSON.
 */
export function detectFormat(sample: string, fileName = ""): Detected {
  if (looksBinary(sample.slice(0, SNIFF_BYTES))) {
    throw new AppError("bad_request", "This is a binary file, not a list: upload CSV, plain text, JSON or NDJSON");
  }
  const first = sample.split(/\r?\n/).find((l) => !isCommentLine(l));
  if (first === undefined) throw new AppError("bad_request", "The file is empty: no rows to read");
  const line = first.trim();
  if (line.startsWith("[")) return { format: "json" };
  if (line.startsWith("{")) return { format: "ndjson" };
  // A file that says it is JSON and is not is broken: never read as lines of text.
  if (/\.(nd)?json$/i.test(fileName)) {
    throw new AppError("bad_request", "Malformed JSON at line 1, column 1: expected a JSON array or object", [
      { line: 1, field: "json", message: "expected a JSON array or object" },
    ]);
  }
  const counts = DELIMITERS.map((d) => countOutsideQuotes(line, d));
  const best = Math.max(...counts);
  if (best > 0) return { format: "csv", delimiter: DELIMITERS[counts.indexOf(best)]! };
  // One column: a header naming what it holds, or already the first address.
  return roleOfName(line.replace(/^"|"$/g, "")) ? { format: "csv", delimiter: "," } : { format: "text" };
}
