import type { ExposureRow, HeaderMap, PlainCsvRow } from "@baken/core";
import { rawJson } from "@baken/core";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { COPY_CHUNK_BYTES } from "./copy-text.ts";

/**
 * The columns `row` and `plain` write, in order; the caller's tail (matchTail) ends each tuple. Not the list's
 * id: the list's table has it as its default (list-tables.ts), which spared PostgreSQL a uuid per row.
 */
export const EXPOSURE_COPY_COLUMNS = `"line", "ip", "port", "protocol", "hostname", "asn", "seen_at", "tag",
  "version", "severity", "raw", "organization_id", "match_reason", "candidate_set"`;
const FIELDS = 14;

/**
 * The COPY's format: binary (PostgreSQL's documentation, COPY, "Binary Format"), each value as its type's
 * receive function reads it. PostgreSQL spent half the CPU of the text format's COPY on parsing (addresses,
 * timestamps, uuids: 3.0-3.3 s instead of 5.6-6.5 s for a million rows), while the api writes about as much.
 */
export const EXPOSURE_COPY_OPTIONS = "(FORMAT binary)";
/** The signature, no flags, no header extension. */
const SIGNATURE = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
/** A tuple's field count of -1 ends the data. */
const TRAILER = Buffer.from([0xff, 0xff]);
/** timestamptz is microseconds from 2000-01-01 UTC. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const TWO_32 = 2 ** 32;
/** inet's receive format: family (2 IPv4, 3 IPv6), prefix bits, is_cidr (ignored for inet), address bytes. */
const INET_FAMILY = { 4: 2, 6: 3 } as const;
/** The four bytes before an IPv4 address's: family 2, 32 bits, not cidr, 4 bytes (one word per row read in place). */
const INET4_HEAD = 0x02200004;

const FLUSH_AT = COPY_CHUNK_BYTES;
/**
 * A buffer per chunk, with room for the rows added until the reader's next drain (`full` is asked between
 * slices of the upload, 16 KB, not per row: ~40 KB of COPY data). Room for a second chunk allocated twice
 * the COPY data, and V8 collects garbage by the bytes allocated outside its heap too. (One buffer cut into
 * several chunks lives long enough to be promoted, and then only full collections free it.)
 */
const BUFFER_BYTES = FLUSH_AT + FLUSH_AT / 4;
/**
 * What a row read in place writes beyond its own bytes and its raw columns' keys, at most: the field count,
 * fourteen lengths, the line number, port, ASN and timestamp as binary, JSON's braces and commas.
 */
const PLAIN_ROW_EXTRA_BYTES = 128;
/** The same for a row of the general path, beyond three bytes per character of its text. */
const ROW_EXTRA_BYTES = 160;
/** What `copy` moves at once, and may write past a field. */
const WORD = 4;

/** The end of an exposure's tuple: its match columns (owner, reason, candidate set). */
export function matchTail(organizationId: string | null, reason: string | null, candidateSet: string | null): Buffer {
  const fields = [
    organizationId === null ? null : Buffer.from(organizationId.replace(/-/g, ""), "hex"),
    reason === null ? null : Buffer.from(reason),
    candidateSet === null ? null : Buffer.from(candidateSet),
  ];
  const out = Buffer.alloc(fields.reduce((n, f) => n + 4 + (f?.length ?? 0), 0));
  let pos = 0;
  for (const f of fields) {
    pos = out.writeInt32BE(f === null ? -1 : f.length, pos);
    if (f) pos += f.copy(out, pos);
  }
  return out;
}

/**
 * Writes exposure rows as PostgreSQL binary COPY tuples into byte buffers, flushed to the COPY stream in
 * COPY_CHUNK_BYTES pieces with backpressure. A row read in place (PlainCsvRow) is copied byte for byte from
 * the upload: its fields are canonical and hold nothing JSON would escape, so no string is made for it.
 * Either way a tuple ends with `tail`: its match columns.
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

  constructor(private readonly stream: Writable) {
    this.whole(SIGNATURE);
  }

  get full(): boolean {
    return this.pos >= FLUSH_AT || this.done.length > 0;
  }

  /** A row from the general path. */
  row(row: ExposureRow, tail: Buffer): void {
    const texts = [row.protocol, row.hostname, row.tag, row.version, row.severity, rawJson(row)];
    this.room(texts.reduce((n, t) => n + 3 * (t?.length ?? 0), ROW_EXTRA_BYTES) + tail.length);
    this.int16(FIELDS);
    this.int32Field(row.line);
    const address = row.ip ?? row.network;
    if (address === null) this.null();
    else {
      const bits = row.ip ? row.ip.bytes.length * 8 : row.network!.bits;
      this.int32(4 + address.bytes.length);
      this.bytes([INET_FAMILY[address.version], bits, 0, address.bytes.length]);
      this.bytes(address.bytes);
    }
    if (row.port === null) this.null();
    else this.int32Field(row.port);
    this.text(texts[0]!);
    this.text(texts[1]!);
    if (row.asn === null) this.null();
    else this.int64Field(row.asn);
    if (row.seenAt === null) this.null();
    else this.int64Field((Date.parse(row.seenAt) - PG_EPOCH_MS) * 1000);
    for (let i = 2; i < texts.length; i++) this.text(texts[i]!);
    this.whole(tail);
  }

  /** A row read in place: the same bytes as `row` of its general-path twin would write. */
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
    this.int16(FIELDS);
    this.int32Field(row.line);
    if (row.ip >= 0) {
      this.int32(8);
      this.int32(INET4_HEAD);
      this.out.setUint32(this.pos, row.ip);
      this.pos += 4;
    } else this.null();
    if (row.port >= 0) this.int32Field(row.port);
    else this.null();
    this.field(row, at.protocol);
    if (row.hostTo > row.hostFrom) this.copyField(src, row.hostFrom, row.hostTo);
    else if (row.hostname !== null) this.text(row.hostname);
    else this.null();
    if (row.asn >= 0) this.int64Field(row.asn);
    else this.null();
    if (row.empty(at.timestamp)) this.null();
    else this.int64Field((this.utcMs(row.buf, from[at.timestamp]!) - PG_EPOCH_MS) * 1000);
    this.field(row, at.tag);
    this.field(row, at.version);
    this.field(row, at.severity);
    const length = this.pos;
    this.pos += 4;
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
    if (open) {
      this.buf[this.pos++] = 125; // }
      this.out.setInt32(length, this.pos - length - 4);
    } else {
      this.pos = length;
      this.null();
    }
    this.whole(tail);
  }

  async flush(): Promise<void> {
    const pieces = [...this.done, this.buf.subarray(0, this.pos)];
    this.done = [];
    this.fresh(BUFFER_BYTES);
    for (const piece of pieces) if (piece.length > 0 && !this.stream.write(piece)) await once(this.stream, "drain");
  }

  async end(): Promise<void> {
    this.room(TRAILER.length);
    this.whole(TRAILER);
    await this.flush();
    const finished = once(this.stream, "finish");
    this.stream.end();
    await finished;
  }

  private keysOf(layout: HeaderMap): Keys {
    if (this.keys?.layout !== layout) {
      const from = [0];
      for (const k of layout.rawKeys) from.push(from.at(-1)! + Buffer.byteLength(k));
      // A word to spare at the end: the last key is copied a word at a time too.
      const bytes = Buffer.alloc(from.at(-1)! + WORD);
      bytes.write(layout.rawKeys.join(""));
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

  /**
   * A `YYYY-MM-DD HH:MM:SS` timestamp (or with T, or Z: readPlainCsvLine checked it) as milliseconds, by the
   * civil calendar's arithmetic (days_from_civil, Howard Hinnant's): Date.UTC cost 0.2 s of a million rows.
   */
  private utcMs(b: Buffer, t: number): number {
    const n = (at: number, len: number) => {
      let v = 0;
      for (let i = at; i < at + len; i++) v = v * 10 + b[i]! - 48;
      return v;
    };
    const month = n(t + 5, 2);
    const year = n(t, 4) - (month <= 2 ? 1 : 0);
    const era = Math.floor(year / 400);
    const yoe = year - era * 400;
    const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + n(t + 8, 2) - 1;
    const days = era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
    return ((days * 24 + n(t + 11, 2)) * 60 + n(t + 14, 2)) * 60_000 + n(t + 17, 2) * 1000;
  }

  private field(row: PlainCsvRow, column: number): void {
    if (row.empty(column)) this.null();
    else this.copyField(this.srcView, row.from[column]!, row.to[column]!);
  }

  private copyField(src: DataView, from: number, to: number): void {
    this.int32(to - from);
    this.copy(src, from, to);
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

  /** All of `bytes` (the signature, a row's tail): long enough for a native copy to pay. */
  private whole(bytes: Buffer): void {
    this.buf.set(bytes, this.pos);
    this.pos += bytes.length;
  }

  private bytes(values: readonly number[]): void {
    for (let i = 0; i < values.length; i++) this.buf[this.pos++] = values[i]!;
  }

  /** A text value (or NULL), UTF-8 as PostgreSQL's text receive reads it. */
  private text(value: string | null): void {
    if (value === null) return this.null();
    const length = this.pos;
    this.pos += 4;
    this.pos += this.buf.write(value, this.pos);
    this.out.setInt32(length, this.pos - length - 4);
  }

  private int16(n: number): void {
    this.out.setInt16(this.pos, n);
    this.pos += 2;
  }

  private int32(n: number): void {
    this.out.setInt32(this.pos, n);
    this.pos += 4;
  }

  private int32Field(n: number): void {
    this.int32(4);
    this.int32(n);
  }

  /** A bigint or timestamptz: whole numbers well inside 2^53, written as two 32-bit halves. */
  private int64Field(n: number): void {
    this.int32(8);
    const high = Math.floor(n / TWO_32);
    this.int32(high);
    this.out.setUint32(this.pos, n - high * TWO_32);
    this.pos += 4;
  }

  private null(): void {
    this.int32(-1);
  }
}

/** The raw columns' JSON keys (`"geo":`) of a layout, one after another: key k is bytes
 *  from[k]..from[k + 1]. */
type Keys = { layout: HeaderMap; view: DataView; from: number[]; size: number };

const viewOf = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.byteLength);
