import { isUtf8 } from "node:buffer";
import { parseIp } from "../match/ip-address.ts";
import type { HeaderMap } from "./column-roles.ts";
import type { KeySet } from "./key-set.ts";
import { parseAddress, type RowResult } from "./normalise-row.ts";
import {
  ASN_DIGITS,
  MAX_ASN,
  MAX_HOSTNAME_CHARS,
  MAX_LABEL_CHARS,
  MAX_PORT,
  MAX_TEXT_CHARS,
  PORT_DIGITS,
  validDateTime,
} from "./normalise-values.ts";

// Byte values are ASCII codes (46 ".", 45 "-", 48 "0", 58 ":", 84 "T", 90 "Z"...); the twins of these
// functions in normalise-values.ts read the same characters from strings (see README.md).
const QUOTE = 34;
const BACKSLASH = 92;
/** Bytes a quoted field is scanned by at once (specialIn). */
const WORD = 4;
const HIGH_BITS = 0x80808080 | 0;
const ONES = 0x01010101;
const SPACES = 0x20202020;
const QUOTES = 0x22222222;
const BACKSLASHES = 0x5c5c5c5c;

/**
 * Whether any of the four bytes of `w` may be a quote, a backslash, a control character or not ASCII:
 * never false when one is (it may be true when none is), so a quoted field skips the words for which it is
 * false and reads the rest byte by byte. Each test is a "has a byte less than" of the Bit Twiddling Hacks.
 */
const specialIn = (w: number): boolean =>
  ((w |
    ((w - SPACES) & ~w) |
    (((w ^ QUOTES) - ONES) & ~(w ^ QUOTES)) |
    (((w ^ BACKSLASHES) - ONES) & ~(w ^ BACKSLASHES))) &
    HIGH_BITS) !==
  0;

/** Columns a row starts with room for; a wider header grows it once. */
const INITIAL_COLUMNS = 32;

/**
 * One CSV line read in place, from the upload's bytes, when it is plain: every field the general path
 * (normaliseRow) would accept unchanged, i.e. already canonical, and either bare or in quotes with no
 * quote or backslash inside (Shadowserver quotes every text field: `"mail.a.example"` costs what
 * `mail.a.example` does; the quotes are left out of `from`..`to`). Such a line costs no string per field and
 * no object per row: a scan report is nearly all such lines, and a million of them through the general
 * path spent more time collecting garbage than reading. Anything else (escaped quotes, backslashes, IPv6, a
 * hostname to lower-case, another timestamp layout, a bad value...) is left to the general path, which
 * gives it its canonical form or its error: `readPlainCsvLine` only decides, and agrees with it.
 *
 * One instance is reused for every line: read its fields before reading the next line.
 */
export class PlainCsvRow {
  line = 0;
  buf: Buffer = Buffer.alloc(0);
  /** Column i is bytes from[i]..to[i] of buf. */
  from = new Int32Array(INITIAL_COLUMNS);
  to = new Int32Array(INITIAL_COLUMNS);
  /** IPv4 as an unsigned 32-bit number; -1 when the row has none (it then has a hostname). */
  ip = -1;
  port = -1;
  asn = -1;
  /** Bytes of the hostname column when the hostname is read from it, else empty (hostFrom = hostTo). */
  hostFrom = 0;
  hostTo = 0;
  /** The hostname as text, made on first use: most rows fold into an earlier one by their bytes alone. */
  hostnameText: string | null = null;
  layout!: HeaderMap;

  // The view of the bytes read last, for reading them a word at a time: a view per slice of the upload.
  private viewed: Buffer | null = null;
  private view: DataView = new DataView(new ArrayBuffer(0));

  viewOf(buf: Buffer): DataView {
    if (buf !== this.viewed) {
      this.viewed = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    return this.view;
  }

  get hostname(): string | null {
    if (this.hostnameText === null && this.hostTo > this.hostFrom) {
      this.hostnameText = this.buf.toString("latin1", this.hostFrom, this.hostTo);
    }
    return this.hostnameText;
  }

  /**
   * Adds the row's `ip|port|hostname` key to `seen`, from its bytes: the key `seen.addParts` gives its
   * general-path twin, so the two fold together. False when the key was there already.
   */
  addKeyTo(seen: KeySet): boolean {
    const ip = this.layout.at.ip;
    seen.begin();
    if (this.ip >= 0) seen.bytes(this.buf, this.from[ip]!, this.to[ip]!);
    else seen.text("");
    seen.digits(this.port);
    if (this.hostTo > this.hostFrom) seen.bytes(this.buf, this.hostFrom, this.hostTo);
    else seen.text(this.hostnameText ?? "");
    return seen.commit();
  }

  /** Column i's bytes are empty. */
  empty(i: number): boolean {
    return i < 0 || this.from[i] === this.to[i];
  }

  text(i: number): string {
    return this.buf.toString("utf8", this.from[i], this.to[i]);
  }
}

/** Decimal digits `from`..`to` without a leading zero (except `0` itself), at most `max` digits; else -1. */
function wholeNumber(b: Uint8Array, from: number, to: number, max: number): number {
  const n = to - from;
  if (n === 0 || n > max || (n > 1 && b[from] === 48)) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** A canonical dotted quad (no leading zeros) as an unsigned 32-bit number, else -1. */
function dottedQuad(b: Uint8Array, from: number, to: number): number {
  let address = 0;
  let start = from;
  let parts = 0;
  for (let i = from; i <= to; i++) {
    if (i < to && b[i] !== 46) continue;
    const v = wholeNumber(b, start, i, 3);
    if (v < 0 || v > 255 || ++parts > 4) return -1;
    address = address * 256 + v;
    start = i + 1;
  }
  return parts === 4 ? address : -1;
}

function digitsAt(b: Uint8Array, from: number, len: number): number {
  let v = 0;
  for (let i = from; i < from + len; i++) {
    const c = b[i]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Bytes that hostnameOf would return unchanged: lower-case ASCII labels of 1-63 characters, not
 *  starting or ending with `-`, no trailing dot, a last label that is not all digits, 253 at most. */
function canonicalHostname(b: Uint8Array, from: number, to: number): boolean {
  if (to - from > MAX_HOSTNAME_CHARS) return false;
  let start = from;
  let digitsOnly = true;
  for (let i = from; i <= to; i++) {
    const c = i < to ? b[i]! : 46;
    if (c === 46) {
      const len = i - start;
      if (len === 0 || len > MAX_LABEL_CHARS || b[start] === 45 || b[i - 1] === 45) return false;
      start = i + 1;
      if (i < to) digitsOnly = true;
    } else if (c >= 48 && c <= 57) continue;
    else if ((c >= 97 && c <= 122) || c === 45 || c === 95) digitsOnly = false;
    else return false;
  }
  return !digitsOnly;
}

/** `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DDTHH:MM:SS` or the same with `Z`, a real moment of 1990-2100. */
function isFastTimestamp(b: Uint8Array, from: number, to: number): boolean {
  const n = to - from;
  if ((n !== 19 && n !== 20) || (n === 20 && b[from + 19] !== 90)) return false;
  const sep = b[from + 10];
  if (b[from + 4] !== 45 || b[from + 7] !== 45 || (sep !== 32 && sep !== 84)) return false;
  if (b[from + 13] !== 58 || b[from + 16] !== 58) return false;
  return validDateTime(
    digitsAt(b, from, 4),
    digitsAt(b, from + 5, 2),
    digitsAt(b, from + 8, 2),
    digitsAt(b, from + 11, 2),
    digitsAt(b, from + 14, 2),
    digitsAt(b, from + 17, 2),
  );
}

const isBlank = (c: number | undefined) => c === 32 || c === 9 || (c !== undefined && c >= 0x80);

/** Free text as the general path keeps it: not blank at either end (nor non-ASCII there, which `trim`
 *  might strip), at most 1,000 characters, and for `lower` with no capital to fold. */
function plainText(b: Uint8Array, from: number, to: number, lower: boolean): boolean {
  if (from === to) return true;
  if (to - from > MAX_TEXT_CHARS || isBlank(b[from]) || isBlank(b[to - 1])) return false;
  if (lower) for (let i = from; i < to; i++) if ((b[i]! >= 65 && b[i]! <= 90) || b[i]! >= 0x80) return false;
  return true;
}

/**
 * Reads bytes `start`..`end` (one line, without its line break) as line number `line` of a CSV whose
 * header is `layout`, into `row`. False when the line is not plain: read it with the general path.
 */
export function readPlainCsvLine(
  buf: Buffer,
  start: number,
  end: number,
  line: number,
  delimiter: number,
  layout: HeaderMap,
  row: PlainCsvRow,
): boolean {
  const width = layout.columns.length;
  if (row.from.length < width) {
    row.from = new Int32Array(width);
    row.to = new Int32Array(width);
  }
  const from = row.from;
  const to = row.to;
  const at = layout.at;
  const view = row.viewOf(buf);
  if (!layout.simple || at.network >= 0) return false;
  let column = 0;
  let ascii = true;
  let i = start;
  for (;;) {
    if (column === width) return false; // more cells than columns: the general path refuses the row
    if (i < end && buf[i] === QUOTE) {
      from[column] = ++i;
      while (i + WORD <= end && !specialIn(view.getInt32(i, true))) i += WORD;
      for (; i < end; i++) {
        const c = buf[i]!;
        if (c === QUOTE) break;
        if (c < 0x20 || c === BACKSLASH) return false;
        if (c >= 0x80) ascii = false;
      }
      if (i === end) return false; // never closed: a quoted line break
      to[column++] = i++;
      if (i < end && buf[i] !== delimiter) return false; // "" or text after the closing quote
    } else {
      from[column] = i;
      for (; i < end; i++) {
        const c = buf[i]!;
        if (c === delimiter) break;
        if (c < 0x20 || c === QUOTE || c === BACKSLASH) return false;
        if (c >= 0x80) ascii = false;
      }
      to[column++] = i;
    }
    if (i === end) break;
    i++; // the delimiter
    if (i === end) {
      // `a,`: an empty last cell
      if (column === width) return false;
      from[column] = to[column] = end;
      column++;
      break;
    }
  }
  if (column !== width) return false;
  if (!ascii && !isUtf8(buf.subarray(start, end))) return false;
  row.buf = buf;
  row.line = line;
  row.layout = layout;

  row.ip = -1;
  if (at.ip >= 0 && from[at.ip] !== to[at.ip]) {
    row.ip = dottedQuad(buf, from[at.ip]!, to[at.ip]!);
    if (row.ip < 0) return false;
  }
  let hostname: string | null = null;
  let port = -1;
  if (!row.empty(at.address)) {
    const a = parseAddress(row.text(at.address));
    if (!a.ok || (a.ip && row.ip < 0) || a.network) return false;
    hostname = a.hostname;
    if (a.port !== null) port = a.port;
  }
  row.hostnameText = hostname;
  row.hostFrom = row.hostTo = 0;
  if (!row.empty(at.hostname)) {
    // Anything but a canonical hostname (to lower-case, an IP address...) is for the general path.
    if (!canonicalHostname(buf, from[at.hostname]!, to[at.hostname]!)) return false;
    row.hostnameText = null;
    row.hostFrom = from[at.hostname]!;
    row.hostTo = to[at.hostname]!;
  } else if (row.ip < 0 && hostname === null) return false;
  if (!row.empty(at.port)) {
    port = wholeNumber(buf, from[at.port]!, to[at.port]!, PORT_DIGITS);
    if (port < 0 || port > MAX_PORT) return false;
  }
  row.port = port;
  row.asn = -1;
  if (!row.empty(at.asn)) {
    row.asn = wholeNumber(buf, from[at.asn]!, to[at.asn]!, ASN_DIGITS);
    if (row.asn < 0 || row.asn > MAX_ASN) return false;
  }
  if (!row.empty(at.timestamp) && !isFastTimestamp(buf, from[at.timestamp]!, to[at.timestamp]!)) return false;
  if (at.protocol >= 0 && !plainText(buf, from[at.protocol]!, to[at.protocol]!, true)) return false;
  if (at.tag >= 0 && !plainText(buf, from[at.tag]!, to[at.tag]!, false)) return false;
  if (at.severity >= 0 && !plainText(buf, from[at.severity]!, to[at.severity]!, true)) return false;
  return at.version < 0 || plainText(buf, from[at.version]!, to[at.version]!, false);
}

/** The row a plain line stands for, exactly as the general path reads it. */
export function plainRowResult(row: PlainCsvRow): Extract<RowResult, { ok: true }> {
  const { at, columns } = row.layout;
  const record = columns.map((_, i) => row.text(i));
  const value = (c: number) => (c >= 0 && record[c] ? record[c] : null);
  const ts = value(at.timestamp);
  return {
    ok: true,
    row: {
      line: row.line,
      ip: row.ip >= 0 ? parseIp(record[at.ip]!) : null,
      network: null,
      port: row.port >= 0 ? row.port : null,
      protocol: value(at.protocol),
      hostname: row.hostname,
      asn: row.asn >= 0 ? row.asn : null,
      seenAt: ts && `${ts.slice(0, 10)}T${ts.slice(11, 19)}.000Z`,
      tag: value(at.tag),
      version: value(at.version),
      severity: value(at.severity),
      record,
      layout: row.layout,
    },
  };
}
