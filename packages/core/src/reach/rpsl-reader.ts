import { isUtf8 } from "node:buffer";

/** What a reader wants from an RPSL stream: for each object type (its first attribute's name), the
 *  attributes to hand over. Names are lower-case; RPSL compares them case-insensitively. */
export type RpslSchema = Readonly<Record<string, readonly string[]>>;

/** Receives the wanted objects, one at a time. Types and attributes are indexes into the schema's keys
 *  and into `RpslReader.attributeNames`, so no string is made for a name. */
export type RpslEvents = {
  begin(type: number, line: number): void;
  /** One wanted attribute: `# comments` cut, continuation lines joined by a space, trimmed. */
  attribute(attribute: number, value: string, line: number): void;
  end(): void;
  /** The object (begun or not) is dropped; `line` is the line at fault. */
  malformed(line: number, reason: string): void;
};

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const PLUS = 43;
const HASH = 35;
const PERCENT = 37;
const COLON = 58;
const MAX_NAME = 32;
// A line longer than this is not RPSL (a binary file, a missing newline): the object is malformed,
// and the reader does not buffer the rest of it.
const MAX_LINE = 64 * 1024;

const lower = (c: number) => (c >= 65 && c <= 90 ? c | 0x20 : c);
const isNameByte = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95;

/**
 * A streaming reader of RPSL text (RFC 2622 as the RIPE database writes it): objects separated by blank
 * lines, `attribute: value` lines, continuation lines starting with a space, a tab or `+`, comment lines
 * starting with `#` or `%` and `# comments` after a value. It works on the bytes it is given, chunk by
 * chunk, and decodes only the values it hands over: as UTF-8 where the line's bytes are valid UTF-8,
 * else as latin-1 (ISO-8859-1, which RIPE's export writes). A malformed object is reported with its line
 * and skipped; the reader never throws on input.
 */
export class RpslReader {
  /** Every attribute name of the schema; `RpslEvents.attribute` gets an index into this. */
  readonly attributeNames: string[];
  line = 0;

  private readonly typeNames: string[];
  private readonly wanted: Uint8Array[];
  private readonly byKey = new Map<number, number[]>();
  private readonly nameBytes: Uint8Array[] = [];
  private carry: Buffer | null = null;
  private skippingLongLine = false;

  // The object being read.
  private inObject = false;
  private type = -1; // index of a wanted type, -1 for an object that is skipped
  private bad = false;
  private pending = -1; // wanted attribute whose value is being gathered
  private pendingValue = "";
  private pendingLine = 0;

  /** The attribute names of a schema in the order of their indexes (types first). */
  static attributeNamesOf(schema: RpslSchema): string[] {
    const types = Object.keys(schema);
    const names = [...types];
    for (const type of types) for (const a of schema[type]!) if (!names.includes(a)) names.push(a);
    return names;
  }

  /** `otherTypes` counts the objects of types not in the schema (read past, not read). */
  constructor(
    schema: RpslSchema,
    private readonly events: RpslEvents,
    readonly otherTypes = new Map<string, number>(),
  ) {
    this.typeNames = Object.keys(schema);
    this.attributeNames = RpslReader.attributeNamesOf(schema);
    this.attributeNames.forEach((name, n) => {
      const bytes = Buffer.from(name, "latin1");
      this.nameBytes.push(bytes);
      const key = RpslReader.key(bytes, 0, bytes.length);
      const list = this.byKey.get(key);
      if (list) list.push(n);
      else this.byKey.set(key, [n]);
    });
    // Types come first among the attribute names: type t is attribute t.
    this.wanted = this.typeNames.map((t, n) => {
      const mask = new Uint8Array(this.attributeNames.length);
      mask[n] = 1;
      for (const a of schema[t]!) mask[this.attributeNames.indexOf(a)] = 1;
      return mask;
    });
  }

  /** Reads the next bytes. Lines may be split anywhere across chunks. */
  push(chunk: Uint8Array): void {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let pos = 0;
    if (this.carry !== null || this.skippingLongLine) {
      const nl = buf.indexOf(LF);
      if (nl < 0) {
        this.keepPartial(buf, 0);
        return;
      }
      if (this.skippingLongLine) this.skippingLongLine = false;
      else {
        const line = Buffer.concat([this.carry!, buf.subarray(0, nl)]);
        this.carry = null;
        this.line++;
        this.readLine(line, 0, line.length);
      }
      pos = nl + 1;
    }
    const length = buf.length;
    while (pos < length) {
      const nl = buf.indexOf(LF, pos);
      if (nl < 0) {
        this.keepPartial(buf, pos);
        return;
      }
      this.line++;
      this.readLine(buf, pos, nl);
      pos = nl + 1;
    }
  }

  /** The end of the stream: a last line without a newline, and the last object. */
  end(): void {
    if (this.carry !== null) {
      const line = this.carry;
      this.carry = null;
      this.line++;
      this.readLine(line, 0, line.length);
    }
    this.skippingLongLine = false;
    this.finishObject();
  }

  private keepPartial(buf: Buffer, from: number): void {
    if (this.skippingLongLine) return;
    const rest = buf.subarray(from);
    const size = (this.carry?.length ?? 0) + rest.length;
    if (size > MAX_LINE) {
      this.carry = null;
      this.skippingLongLine = true;
      this.line++; // the long line is counted now; its newline, when it comes, is not counted again
      if (!this.inObject) this.startObject(-1);
      this.fail(`line longer than ${MAX_LINE} bytes`);
      return;
    }
    // A copy: the caller may reuse its chunk.
    this.carry = this.carry === null ? Buffer.from(rest) : Buffer.concat([this.carry, rest]);
  }

  private readLine(buf: Buffer, start: number, stop: number): void {
    let end = stop;
    if (end > start && buf[end - 1] === CR) end--;
    let first = start;
    while (first < end && (buf[first] === SPACE || buf[first] === TAB)) first++;
    if (first === end) {
      this.finishObject();
      return;
    }
    const c = buf[start]!;
    if (c === HASH || c === PERCENT) return;
    if (c === SPACE || c === TAB || c === PLUS) {
      if (!this.inObject) {
        this.startObject(-1);
        this.fail("a continuation line with no attribute before it");
      } else if (this.pending >= 0) {
        const value = this.value(buf, start + 1, end);
        if (value.length > 0)
          this.pendingValue = this.pendingValue.length > 0 ? `${this.pendingValue} ${value}` : value;
      }
      return;
    }
    // An attribute: `name:` then the value.
    let colon = -1;
    const limit = Math.min(end, start + MAX_NAME + 1);
    for (let i = start; i < limit; i++) {
      const b = buf[i]!;
      if (b === COLON) {
        colon = i;
        break;
      }
      if (!isNameByte(lower(b))) break;
    }
    if (!this.inObject) {
      if (colon <= start) {
        this.startObject(-1);
        this.fail("expected 'attribute: value'");
        return;
      }
      const id = this.lookup(buf, start, colon);
      this.startObject(id >= 0 && id < this.typeNames.length ? id : -1);
      if (this.type < 0) {
        // Counted by name; past 64 names (not RPSL: a CSV, a binary file) all under one.
        let name = buf.toString("latin1", start, colon).toLowerCase();
        if (!this.otherTypes.has(name) && this.otherTypes.size >= 64) name = "(other)";
        this.otherTypes.set(name, (this.otherTypes.get(name) ?? 0) + 1);
        return;
      }
      this.events.begin(this.type, this.line);
      this.pending = id;
      this.pendingValue = this.value(buf, colon + 1, end);
      this.pendingLine = this.line;
      return;
    }
    if (this.type < 0 || this.bad) return;
    if (colon <= start) {
      this.fail("expected 'attribute: value'");
      return;
    }
    this.flush();
    const id = this.lookup(buf, start, colon);
    if (id >= 0 && this.wanted[this.type]![id] === 1) {
      this.pending = id;
      this.pendingValue = this.value(buf, colon + 1, end);
      this.pendingLine = this.line;
    }
  }

  private startObject(type: number): void {
    this.inObject = true;
    this.type = type;
    this.bad = false;
    this.pending = -1;
  }

  private fail(reason: string): void {
    if (this.bad) return;
    this.bad = true;
    this.pending = -1;
    this.events.malformed(this.line, reason);
  }

  private flush(): void {
    if (this.pending < 0) return;
    this.events.attribute(this.pending, this.pendingValue, this.pendingLine);
    this.pending = -1;
  }

  private finishObject(): void {
    if (!this.inObject) return;
    if (this.type >= 0 && !this.bad) {
      this.flush();
      this.events.end();
    }
    this.inObject = false;
    this.type = -1;
    this.bad = false;
    this.pending = -1;
  }

  /** The value in buf[from, to): up to a `#`, trimmed, decoded as UTF-8 if valid, else latin-1. */
  private value(buf: Buffer, from: number, to: number): string {
    let end = to;
    let ascii = true;
    for (let i = from; i < to; i++) {
      const b = buf[i]!;
      if (b === HASH) {
        end = i;
        break;
      }
      if (b >= 0x80) ascii = false;
    }
    let start = from;
    while (start < end && (buf[start] === SPACE || buf[start] === TAB)) start++;
    while (end > start && (buf[end - 1] === SPACE || buf[end - 1] === TAB)) end--;
    if (ascii || !isUtf8(buf.subarray(start, end))) return buf.toString("latin1", start, end);
    return buf.toString("utf8", start, end);
  }

  /** The attribute index of the name in buf[from, to), compared case-insensitively, or -1. */
  private lookup(buf: Buffer, from: number, to: number): number {
    const candidates = this.byKey.get(RpslReader.key(buf, from, to));
    if (!candidates) return -1;
    for (const n of candidates) {
      const name = this.nameBytes[n]!;
      if (name.length !== to - from) continue;
      let same = true;
      for (let i = 0; i < name.length && same; i++) same = lower(buf[from + i]!) === name[i];
      if (same) return n;
    }
    return -1;
  }

  // Length, first and last byte: tells the dozen wanted names apart, and most other names from them.
  private static key(buf: Uint8Array, from: number, to: number): number {
    return ((to - from) << 16) | (lower(buf[from]!) << 8) | lower(buf[to - 1]!);
  }
}
