import { AppError } from "../errors.ts";
import { MAX_RECORD_BYTES } from "./csv-records.ts";

/** Deeper than this is no exposure list: refused before it costs anything. */
export const MAX_JSON_DEPTH = 64;
/** A key is a column name: longer than this is no column, and it is held whole while it is read. */
const MAX_KEY_CHARS = 1_000;

export type JsonRow = { line: number; value: unknown };

const OBJECT = 1;
const ARRAY = 2;
// What comes next, outside a string or a number.
const VALUE = 0;
const VALUE_OR_CLOSE = 1; // after [
const KEY_OR_CLOSE = 2; // after {
const KEY = 3; // after , in an object
const COLON = 4;
const COMMA_OR_CLOSE = 5;

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const isTokenChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 45 || c === 43 || c === 46 || c === 69;

/**
 * The rows of a JSON upload as it streams by, in one linear pass that validates the whole document: a
 * JSON array of rows, a sequence of objects (NDJSON, one a line or not), or one object holding the array of
 * rows under a key (`{"matches": [...], "total": 2}`, pretty-printed or not). An object is such a holder when
 * a member, before any key that names an address (`isRowKey`), is an array whose first element is an
 * object. Each row's text is cut out and handed to JSON.parse (at most 1 MB a row); nothing else is held.
 * Malformed JSON or nesting deeper than MAX_JSON_DEPTH throws a 400 naming the line and column.
 */
export class JsonRows {
  private line = 1;
  private col = 0;
  private stack: number[] = [];
  private opened: { line: number; col: number }[] = [];
  private expect = VALUE;
  private inString = false;
  private escape = 0; // 1 after a backslash; 2-5 while reading \uXXXX
  private stringIsKey = false;
  private key = "";
  private token = "";
  private capture: { line: number; parts: string[]; from: number; size: number; depth: number } | null = null;
  private topValues = 0;
  private topArray = false;
  private holder: {
    rowKeySeen: boolean;
    memberKey: string;
    arrayKey: string | null;
    firstElement: boolean;
    rowsUnder: string | null;
    inRows: boolean;
  } | null = null;
  private out: JsonRow[] = [];
  /** The chunk being read: a row ending in it is cut from it. */
  private chunk = "";

  constructor(private readonly isRowKey: (key: string) => boolean) {}

  /** "ndjson" for a sequence of objects, else "json". */
  get format(): "json" | "ndjson" {
    return this.topValues > 1 ? "ndjson" : "json";
  }

  push(chunk: string): JsonRow[] {
    this.out = [];
    this.chunk = chunk;
    if (this.capture) this.capture.from = 0;
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.inString) {
        i = this.string(chunk, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.token) {
        if (isTokenChar(c)) {
          this.token += chunk[i];
          if (this.token.length > 400) this.fail("a number or literal longer than 400 characters");
          this.col++;
          i++;
          continue;
        }
        this.endToken(i);
        continue;
      }
      this.col++;
      if (isSpace(c)) {
        if (c === 10) {
          this.line++;
          this.col = 0;
        }
        i++;
        continue;
      }
      this.structural(c, chunk, i);
      i++;
    }
    if (this.capture) {
      this.capture.parts.push(chunk.slice(this.capture.from));
      this.capture.size += n - this.capture.from;
      if (this.capture.size > MAX_RECORD_BYTES)
        throw new AppError("bad_request", `The JSON value at line ${this.capture.line} is larger than 1 MB`);
    }
    return this.out;
  }

  /** At the end of the upload: the rows still pending; throws if the document is not complete. */
  end(): JsonRow[] {
    this.out = [];
    this.chunk = "";
    if (this.capture) this.capture.from = 0;
    if (this.token) this.endToken(0);
    if (this.inString) this.fail("the file ends inside a string");
    const open = this.opened[this.opened.length - 1];
    if (open) {
      const what = this.stack[this.stack.length - 1] === ARRAY ? "array" : "object";
      this.fail(`the file ends inside the ${what} opened at line ${open.line}, column ${open.col}`);
    }
    if (this.topValues === 0) this.fail("no JSON value in the file");
    return this.out;
  }

  private fail(message: string): never {
    throw new AppError("bad_request", `Malformed JSON at line ${this.line}, column ${this.col}: ${message}`, [
      { line: this.line, field: "json", message },
    ]);
  }

  private found(c: number, wanted: string): never {
    this.fail(`expected ${wanted}, found '${String.fromCharCode(c)}'`);
  }

  /** Reads string characters from `i`; returns where it stopped (after the closing quote, or the chunk's end). */
  private string(s: string, i: number): number {
    const start = i;
    const n = s.length;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.escape === 1) {
        if (c === 117) this.escape = 2;
        else if (c === 34 || c === 92 || c === 47 || c === 98 || c === 102 || c === 110 || c === 114 || c === 116)
          this.escape = 0;
        else {
          this.col += i - start + 1;
          this.fail(`'\\${String.fromCharCode(c)}' is not a JSON escape`);
        }
      } else if (this.escape > 1) {
        if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70))) {
          this.col += i - start + 1;
          this.fail("a \\u escape needs four hexadecimal digits");
        }
        this.escape = this.escape === 5 ? 0 : this.escape + 1;
      } else if (c === 92) this.escape = 1;
      else if (c === 34) {
        this.inString = false;
        if (this.stringIsKey) this.key += s.slice(start, i);
        this.col += i - start + 1;
        this.stringEnded(i + 1);
        return i + 1;
      } else if (c < 32) {
        this.col += i - start + 1;
        this.fail("a control character inside a string (write it as an escape)");
      }
    }
    if (this.stringIsKey) {
      this.key += s.slice(start);
      if (this.key.length > MAX_KEY_CHARS)
        this.fail(`a key longer than ${MAX_KEY_CHARS.toLocaleString("en")} characters`);
    }
    this.col += n - start;
    return n;
  }

  private stringEnded(end: number): void {
    if (this.stringIsKey) {
      this.stringIsKey = false;
      this.expect = COLON;
      if (this.holder && this.stack.length === 1) {
        this.holder.memberKey = this.key;
        if (this.isRowKey(this.key)) this.holder.rowKeySeen = true;
      }
      return;
    }
    this.valueEnded(end);
  }

  private endToken(i: number): void {
    const t = this.token;
    this.token = "";
    if (!(t === "true" || t === "false" || t === "null" || NUMBER.test(t))) this.fail(`'${t}' is not a JSON value`);
    this.valueEnded(i);
  }

  private structural(c: number, s: string, i: number): void {
    const e = this.expect;
    if (e === COLON) {
      if (c !== 58) this.found(c, "':'");
      this.expect = VALUE;
      return;
    }
    if (e === KEY_OR_CLOSE || e === KEY) {
      if (c === 125 && e === KEY_OR_CLOSE) return this.close(OBJECT, i);
      if (c !== 34) this.found(c, "a key in double quotes");
      this.inString = true;
      this.stringIsKey = true;
      this.key = "";
      return;
    }
    if (e === COMMA_OR_CLOSE) {
      const top = this.stack[this.stack.length - 1];
      if (c === 44) this.expect = top === OBJECT ? KEY : VALUE;
      else if (c === 125 && top === OBJECT) this.close(OBJECT, i);
      else if (c === 93 && top === ARRAY) this.close(ARRAY, i);
      else this.found(c, top === OBJECT ? "',' or '}'" : "',' or ']'");
      return;
    }
    // A value (or, right after '[', the end of an empty array).
    if (c === 93 && e === VALUE_OR_CLOSE) return this.close(ARRAY, i);
    this.valueStarts(c, s, i);
    if (c === 123 || c === 91) {
      if (this.stack.length >= MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      this.stack.push(c === 123 ? OBJECT : ARRAY);
      this.opened.push({ line: this.line, col: this.col });
      this.expect = c === 123 ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
    } else if (c === 34) {
      this.inString = true;
    } else if (isTokenChar(c) && c !== 43 && c !== 46 && c !== 69) {
      this.token = s[i]!;
    } else this.found(c, "a JSON value");
  }

  /** Decides, as a value begins, whether it is a row (and starts cutting it out). */
  private valueStarts(c: number, s: string, i: number): void {
    const depth = this.stack.length;
    const holder = this.holder;
    if (depth === 0) {
      if (this.topArray) this.fail("text after the end of the JSON array");
      this.topValues++;
      if (c === 91) {
        if (this.topValues > 1) this.fail("an array after other values");
        this.topArray = true;
      } else if (c === 123) {
        this.holder = {
          rowKeySeen: false,
          memberKey: "",
          arrayKey: null,
          firstElement: false,
          rowsUnder: null,
          inRows: false,
        };
        this.startCapture(i, depth);
      } else this.fail("expected a JSON array or object of rows");
      return;
    }
    if (depth === 1 && this.topArray) return this.startCapture(i, depth);
    if (!holder) return;
    if (depth === 1 && c === 91 && this.stack[0] === OBJECT) {
      holder.arrayKey = holder.memberKey;
      holder.firstElement = true;
    } else if (depth === 2 && this.stack[1] === ARRAY && holder.arrayKey !== null) {
      if (holder.inRows) return this.startCapture(i, depth);
      if (!holder.firstElement) return;
      holder.firstElement = false;
      if (c !== 123 || holder.rowKeySeen) return;
      if (holder.rowsUnder !== null)
        this.fail(`the object holds two arrays of rows (${holder.rowsUnder} and ${holder.arrayKey}): upload one`);
      holder.rowsUnder = holder.arrayKey;
      holder.inRows = true;
      this.capture = null; // the holder is not a row: its array's elements are
      this.startCapture(i, depth);
    }
  }

  private startCapture(i: number, depth: number): void {
    this.capture = { line: this.line, parts: [], from: i, size: 0, depth };
  }

  private close(kind: number, i: number): void {
    this.stack.pop();
    this.opened.pop();
    const holder = this.holder;
    if (holder && kind === ARRAY && this.stack.length === 1) {
      holder.arrayKey = null;
      holder.inRows = false;
    }
    if (holder && this.stack.length === 0) this.holder = null;
    this.valueEnded(i + 1);
  }

  /** A value ended just before `end` (in the chunk being read): a row's text is complete there. */
  private valueEnded(end: number): void {
    this.expect = this.stack.length === 0 ? VALUE : COMMA_OR_CLOSE;
    const cap = this.capture;
    if (!cap || cap.depth !== this.stack.length) return;
    cap.parts.push(this.chunk.slice(cap.from, end));
    this.capture = null;
    this.out.push({ line: cap.line, value: JSON.parse(cap.parts.join("")) });
  }
}
