import { AppError } from "../errors.ts";

export const MAX_RECORD_BYTES = 1024 * 1024;

const QUOTE = 34;
const BACKSLASH = 92;

export type CsvRecord = { line: number; cells: string[] } | { line: number; error: string };

/**
 * CSV records from lines of text, as the feeds write them: RFC 4180 (a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes `""`) and Shadowserver's backslash escapes inside quotes (`\"`
 * for a quote, `\\` for a backslash: `"Basic realm=\"\"OpenWebif\"\""` is `Basic realm=""OpenWebif""`).
 * Any other backslash is itself. A record whose quoted field spans lines is returned with its first line's
 * number once its last line is read. One linear pass over each line.
 */
export class CsvRecords {
  // A quoted field's lines are kept as pieces and joined once it closes: a string grown line by line is a
  // chain of hundreds of thousands of concatenations, which V8's collector walks for ~100 ms at a time.
  private open: { line: number; cells: string[]; pieces: string[]; size: number } | null = null;
  private readonly sep: number;

  constructor(private readonly delimiter: string) {
    this.sep = delimiter.charCodeAt(0);
  }

  /** True while a quoted field is open: the next lines belong to its record. */
  get pending(): boolean {
    return this.open !== null;
  }

  /** Reads line number `line` (without its line break): a record, or null while a quoted field stays open. */
  push(line: number, text: string): CsvRecord | null {
    const open = this.open;
    if (open) {
      open.size += text.length + 1;
      if (open.size > MAX_RECORD_BYTES)
        throw new AppError("bad_request", `The quoted field opened at line ${open.line} never closes`);
      return this.scan(open.line, text, 0, open.cells, open.pieces, true);
    }
    const quoted = text.charCodeAt(0) === QUOTE;
    return this.scan(line, text, quoted ? 1 : 0, [], null, quoted);
  }

  /** At the end of the file: the error of a record left open, if any. */
  end(): CsvRecord | null {
    if (!this.open) return null;
    const line = this.open.line;
    this.open = null;
    return { line, error: "unreadable CSV: a quoted field is never closed" };
  }

  private scan(
    line: number,
    s: string,
    from: number,
    cells: string[],
    continued: string[] | null,
    quoted: boolean,
  ): CsvRecord | null {
    const sep = this.sep;
    let i = from;
    let cell = "";
    // The earlier lines of the field this line starts inside, if it does.
    let earlier = continued;
    for (;;) {
      if (quoted) {
        // Inside quotes: up to the closing quote, taking "" and \" \\ as escapes.
        let start = i;
        for (;;) {
          if (i >= s.length) {
            // The field goes on in the next line: one object kept for the record, not one a line.
            const open = (this.open ??= { line, cells, pieces: [], size: s.length });
            open.pieces.push(cell + s.slice(start));
            return null;
          }
          const c = s.charCodeAt(i);
          if (c === BACKSLASH && (s.charCodeAt(i + 1) === QUOTE || s.charCodeAt(i + 1) === BACKSLASH)) {
            cell += s.slice(start, i) + s[i + 1];
            i += 2;
            start = i;
          } else if (c === QUOTE && s.charCodeAt(i + 1) === QUOTE) {
            cell += s.slice(start, i) + '"';
            i += 2;
            start = i;
          } else if (c === QUOTE) {
            cell += s.slice(start, i);
            if (earlier) {
              earlier.push(cell);
              cell = earlier.join("\n");
              // Emptied in place: a later field of this record may open lines of its own.
              earlier.length = 0;
              earlier = null;
            }
            i++;
            break;
          } else i++;
        }
        if (i < s.length && s.charCodeAt(i) !== sep) {
          this.open = null;
          return { line, error: `unreadable CSV: text after the closing quote of field ${cells.length + 1}` };
        }
      } else {
        let end = s.indexOf(this.delimiter, i);
        if (end < 0) end = s.length;
        cell = s.slice(i, end);
        i = end;
      }
      cells.push(cell);
      cell = "";
      if (i >= s.length) {
        this.open = null;
        return { line, cells };
      }
      i++; // the delimiter
      quoted = s.charCodeAt(i) === QUOTE;
      if (quoted) i++;
      // An empty last field: `a,`
      if (!quoted && i >= s.length) {
        cells.push("");
        this.open = null;
        return { line, cells };
      }
    }
  }
}
