import type { ExposureRow, HeaderMap, PlainCsvRow } from "@baken/core";
import { addressText, rawJson } from "@baken/core";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { COPY_CHUNK_BYTES, copyValue } from "./copy-text.ts";

/**
 * The columns `row` and `plain` write, in order; the caller's tail (matchTail) ends each line. Not the list's
 * id: the list's table has it as its default (list-tables.ts), which spared PostgreSQL a fifth of the COPY's
 * CPU (a uuid parsed per row, 37 MB more text for a million rows) and the api as many bytes to write.
 */
export const EXPOSURE_COPY_COLUMNS = `"line", "ip", "port", "protocol", "hostname", "asn", "seen_at", "tag",
  "version", "severity", "raw", "organization_id", "match_reason", "candidate_set"`;

const FLUSH_AT = COPY_CHUNK_BYTES;
/**
 * A buffer per chunk, with room for the rows added until the reader's next drain (`full` is asked between
 * slices of the upload, 16 KB, not per row: ~40 KB of COPY text). Room for a second chunk allocated twice
 * the COPY text, and V8 collects garbage by the bytes allocated outside its heap too. (One buffer cut into
 * several chunks lives long enough to be promoted, and then only full collections free it.)
 */
const BUFFER_BYTES = FLUSH_AT + FLUSH_AT / 4;
/**
 * What a row read in place writes beyond its own bytes and its raw columns' keys, at most: the line number,
 * eleven tabs, \N for empty fields, the timestamp's "T" and ".000Z", JSON's braces and commas.
 */
const PLAIN_ROW_EXTRA_BYTES = 128;
const TAB = 9;
/** What `copy` moves at once, and may write past a field. */
const WORD = 4;
const NULL = [92, 78]; // \N
const ISO_MS = Buffer.from(".000Z");

/** The end of an exposure's COPY line: its match columns (owner, reason, candidate set) and the line break. */
export const matchTail = (organizationId: string | null, reason: string | null, candidateSet: string | null): Buffer =>
  Buffer.from(`\t${copyValue(organizationId)}\t${copyValue(reason)}\t${copyValue(candidateSet)}\n`);

/**
 * Writes exposure rows as PostgreSQL COPY text (tab-separated, \N for NULL) into byte buffers, flushed
 * to the COPY stream in COPY_CHUNK_BYTES pieces with backpressure. A row read in place (PlainCsvRow) is copied
 * byte for byte from the upload: its fields are canonical and hold nothing COPY or JSON would escape,
 * so no string is made for it. Either way a row ends with `tail`: its match columns and the line break.
 */
export class ExposureCopy {
  private buf = Buffer.allocUnsafe(BUFFER_BYTES);
  private out = viewOf(this.buf);
  private pos = 0;
  private done: Buffer[] = [];
  // A CSV has one header: its raw columns' JSON keys, as bytes, are kept for the last layout seen.
  private keys: Keys | null = null;
  // The upload's bytes change by a slice of the file, not by row: the view of the last one is kept.
  private src: Buffer | null = null;
  private srcView = viewOf(Buffer.alloc(0));

  constructor(private readonly stream: Writable) {}

  get full(): boolean {
    return this.pos >= FLUSH_AT || this.done.length > 0;
  }

  /** A row from the general path. */
  row(row: ExposureRow, tail: Buffer): void {
    const values = [
      row.line,
      addressText(row),
      row.port,
      row.protocol,
      row.hostname,
      row.asn,
      row.seenAt,
      row.tag,
      row.version,
      row.severity,
      rawJson(row),
    ];
    for (let i = 0; i < values.length; i++) values[i] = copyValue(values[i]);
    const text = values.join("\t");
    this.room(text.length * 3 + tail.length);
    this.pos += this.buf.write(text, this.pos);
    this.whole(tail);
  }

  /** A row read in place: the same text as `row` of its general-path twin would write. */
  plain(row: PlainCsvRow, tail: Buffer): void {
    const { from, to, layout } = row;
    const { at, rawAt } = layout;
    const keys = this.keysOf(layout);
    if (row.buf !== this.src) {
      this.src = row.buf;
      this.srcView = viewOf(row.buf);
    }
    const src = this.srcView;
    this.room(to[layout.columns.length - 1]! - from[0]! + keys.size + PLAIN_ROW_EXTRA_BYTES + tail.length);
    this.digits(row.line);
    this.tab();
    if (row.ip >= 0) this.copy(src, from[at.ip]!, to[at.ip]!);
    else this.null();
    this.tab();
    if (row.port >= 0) this.digits(row.port);
    else this.null();
    this.tab();
    this.field(row, at.protocol);
    this.tab();
    if (row.hostTo > row.hostFrom) this.copy(src, row.hostFrom, row.hostTo);
    else if (row.hostname !== null) this.ascii(row.hostname);
    else this.null();
    this.tab();
    if (row.asn >= 0) this.digits(row.asn);
    else this.null();
    this.tab();
    if (row.empty(at.timestamp)) this.null();
    else {
      const t = from[at.timestamp]!;
      this.copy(src, t, t + 10);
      this.buf[this.pos++] = 84; // T
      this.copy(src, t + 11, t + 19);
      this.whole(ISO_MS);
    }
    this.tab();
    this.field(row, at.tag);
    this.tab();
    this.field(row, at.version);
    this.tab();
    this.field(row, at.severity);
    this.tab();
    let open = false;
    for (let k = 0; k < rawAt.length; k++) {
      const c = rawAt[k]!;
      if (from[c] === to[c]) continue;
      this.buf[this.pos++] = open ? 44 : 123; // , {
      open = true;
      this.copy(keys.view, keys.from[k]!, keys.from[k + 1]!);
      this.buf[this.pos++] = 34;
      this.copy(src, from[c]!, to[c]!);
      this.buf[this.pos++] = 34;
    }
    if (open)
      this.buf[this.pos++] = 125; // }
    else this.null();
    this.whole(tail);
  }

  async flush(): Promise<void> {
    const pieces = [...this.done, this.buf.subarray(0, this.pos)];
    this.done = [];
    this.fresh(BUFFER_BYTES);
    for (const piece of pieces) if (piece.length > 0 && !this.stream.write(piece)) await once(this.stream, "drain");
  }

  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, "finish");
    this.stream.end();
    await finished;
  }

  private keysOf(layout: HeaderMap): Keys {
    if (this.keys?.layout !== layout) {
      // COPY-escaped like every other value: a column name may hold a backslash (JSON's \" escape).
      const text = layout.rawKeys.map((k) => copyValue(k));
      const from = [0];
      for (const k of text) from.push(from.at(-1)! + Buffer.byteLength(k));
      // A word to spare at the end: the last key is copied a word at a time too.
      const bytes = Buffer.alloc(from.at(-1)! + WORD);
      bytes.write(text.join(""));
      this.keys = { layout, view: viewOf(bytes), from, size: from.at(-1)! + 3 * from.length };
    }
    return this.keys;
  }

  /** Makes room for `n` more bytes (and the word `copy` may write past them): a full buffer is set aside for
   *  the next flush. */
  private room(n: number): void {
    if (this.pos + n + WORD <= this.buf.length) return;
    this.done.push(this.buf.subarray(0, this.pos));
    this.fresh(Math.max(BUFFER_BYTES, n + WORD));
  }

  private fresh(size: number): void {
    this.buf = Buffer.allocUnsafe(size);
    this.out = viewOf(this.buf);
    this.pos = 0;
  }

  private field(row: PlainCsvRow, column: number): void {
    if (row.empty(column)) this.null();
    else this.copy(this.srcView, row.from[column]!, row.to[column]!);
  }

  /**
   * Bytes `from`..`to` of `src`, a word (4 bytes) at a time: a native copy costs more than a field's few
   * bytes, a byte loop 3-4 times what this does. The last word may read up to 3 bytes past `to` (when
   * `src` has them) and write up to 3 past the field: `room` keeps a word to spare, and the row's next
   * bytes overwrite them.
   */
  private copy(src: DataView, from: number, to: number): void {
    const out = this.out;
    let pos = this.pos;
    this.pos = pos + to - from;
    let i = from;
    if (to + WORD - 1 <= src.byteLength)
      for (; i < to; i += WORD, pos += WORD) out.setUint32(pos, src.getUint32(i, true), true);
    else for (; i < to; i++) out.setUint8(pos++, src.getUint8(i));
  }

  /** All of `bytes` (the list's id, a row's tail): long enough for a native copy to pay. */
  private whole(bytes: Buffer): void {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  private ascii(text: string): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** A whole number's decimal digits, as `String(n)` spells them: written from the last. */
  private digits(n: number): void {
    let end = this.pos + 1;
    for (let scale = 10; scale <= n; scale *= 10) end++;
    this.pos = end;
    const buf = this.buf;
    do {
      const q = Math.floor(n / 10);
      buf[--end] = 48 + n - q * 10;
      n = q;
    } while (n > 0);
  }

  private tab(): void {
    this.buf[this.pos++] = TAB;
  }

  private null(): void {
    this.buf[this.pos++] = NULL[0]!;
    this.buf[this.pos++] = NULL[1]!;
  }
}

/** The raw columns' JSON keys (`"geo":`, COPY-escaped) of a layout, one after another: key k is bytes
 *  from[k]..from[k + 1]. */
type Keys = { layout: HeaderMap; view: DataView; from: number[]; size: number };

const viewOf = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength);
