import type { ExposureRow, HeaderMap, PlainCsvRow } from "@baken/core";
import { addressText, rawJson } from "@baken/core";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { COPY_CHUNK_BYTES, copyValue } from "./copy-text.ts";

/** The columns `row` and `plain` write, in order; the caller's tail (matchTail) ends each line. */
export const EXPOSURE_COPY_COLUMNS = `"list_id", "line", "ip", "port", "protocol", "hostname", "asn", "seen_at", "tag",
  "version", "severity", "raw", "organization_id", "match_reason", "candidate_set"`;

const FLUSH_AT = COPY_CHUNK_BYTES;
// Rows are added until the reader's next drain (`full` is asked between chunks of the upload, not per row):
// room for two chunks takes that overshoot without setting the buffer aside.
const BUFFER_BYTES = FLUSH_AT * 2;
/**
 * What a row read in place writes beyond its own bytes and its raw columns' keys, at most: the line number,
 * eleven tabs, \N for empty fields, the timestamp's "T" and ".000Z", JSON's braces and commas.
 */
const PLAIN_ROW_EXTRA_BYTES = 128;
const TAB = 9;
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
  private pos = 0;
  private done: Buffer[] = [];
  private readonly prefix: Buffer;
  // A CSV has one header: its raw columns' JSON keys, as bytes, are kept for the last layout seen.
  private keys: { layout: HeaderMap; bytes: Buffer[]; size: number } | null = null;

  constructor(
    private readonly stream: Writable,
    listId: string,
  ) {
    this.prefix = Buffer.from(`${listId}\t`);
  }

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
    this.room(this.prefix.length + text.length * 3 + tail.length);
    this.bytes(this.prefix, 0, this.prefix.length);
    this.pos += this.buf.write(text, this.pos);
    this.bytes(tail, 0, tail.length);
  }

  /** A row read in place: the same text as `row` of its general-path twin would write. */
  plain(row: PlainCsvRow, tail: Buffer): void {
    const { buf: src, from, to, layout } = row;
    const { at, rawAt } = layout;
    const keys = this.keysOf(layout);
    this.room(
      this.prefix.length + to[layout.columns.length - 1]! - from[0]! + keys.size + PLAIN_ROW_EXTRA_BYTES + tail.length,
    );
    this.bytes(this.prefix, 0, this.prefix.length);
    this.digits(row.line);
    this.tab();
    if (row.ip >= 0) this.bytes(src, from[at.ip]!, to[at.ip]!);
    else this.null();
    this.tab();
    if (row.port >= 0) this.digits(row.port);
    else this.null();
    this.tab();
    this.field(row, at.protocol);
    this.tab();
    if (row.hostname !== null) this.ascii(row.hostname);
    else this.null();
    this.tab();
    if (row.asn >= 0) this.digits(row.asn);
    else this.null();
    this.tab();
    if (row.empty(at.timestamp)) this.null();
    else {
      const t = from[at.timestamp]!;
      this.bytes(src, t, t + 10);
      this.buf[this.pos++] = 84; // T
      this.bytes(src, t + 11, t + 19);
      this.bytes(ISO_MS, 0, ISO_MS.length);
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
      this.bytes(keys.bytes[k]!, 0, keys.bytes[k]!.length);
      this.buf[this.pos++] = 34;
      this.bytes(src, from[c]!, to[c]!);
      this.buf[this.pos++] = 34;
    }
    if (open)
      this.buf[this.pos++] = 125; // }
    else this.null();
    this.bytes(tail, 0, tail.length);
  }

  async flush(): Promise<void> {
    const pieces = [...this.done, this.buf.subarray(0, this.pos)];
    this.done = [];
    this.buf = Buffer.allocUnsafe(BUFFER_BYTES);
    this.pos = 0;
    for (const piece of pieces) if (piece.length > 0 && !this.stream.write(piece)) await once(this.stream, "drain");
  }

  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, "finish");
    this.stream.end();
    await finished;
  }

  private keysOf(layout: HeaderMap): { bytes: Buffer[]; size: number } {
    if (this.keys?.layout !== layout) {
      // COPY-escaped like every other value: a column name may hold a backslash (JSON's \" escape).
      const bytes = layout.rawKeys.map((k) => Buffer.from(copyValue(k)));
      this.keys = { layout, bytes, size: bytes.reduce((n, b) => n + b.length + 3, 2) };
    }
    return this.keys;
  }

  /** Makes room for `n` more bytes: a full buffer is set aside for the next flush. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.done.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(BUFFER_BYTES, n));
    this.pos = 0;
  }

  private field(row: PlainCsvRow, column: number): void {
    if (row.empty(column)) this.null();
    else this.bytes(row.buf, row.from[column]!, row.to[column]!);
  }

  // Byte loops rather than Buffer#copy: fields are a few bytes long, where a native call costs more.
  private bytes(src: Uint8Array, from: number, to: number): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = from; i < to; i++) buf[pos++] = src[i]!;
    this.pos = pos;
  }

  private ascii(text: string): void {
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  private digits(n: number): void {
    let scale = 1;
    while (scale * 10 <= n) scale *= 10;
    for (; scale >= 1; scale /= 10) this.buf[this.pos++] = 48 + (Math.floor(n / scale) % 10);
  }

  private tab(): void {
    this.buf[this.pos++] = TAB;
  }

  private null(): void {
    this.buf[this.pos++] = NULL[0]!;
    this.buf[this.pos++] = NULL[1]!;
  }
}
