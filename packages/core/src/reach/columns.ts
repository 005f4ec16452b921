type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array;
type TypedCtor<T extends Typed> = { new (length: number): T };

/** A typed array that grows by doubling: one column of a table with a row per RPSL object. */
export class Column<T extends Typed> {
  data: T;
  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 1024,
    private readonly fill = 0,
  ) {
    this.data = new ctor(capacity);
    if (fill !== 0) this.data.fill(fill);
  }

  /** Makes room for index `at` (and `width` values from it). */
  reserve(at: number, width = 1): void {
    if (at + width <= this.data.length) return;
    let length = this.data.length * 2;
    while (at + width > length) length *= 2;
    const grown = new this.ctor(length);
    if (this.fill !== 0) grown.fill(this.fill, this.data.length);
    grown.set(this.data);
    this.data = grown;
  }

  set(at: number, value: number): void {
    this.reserve(at);
    this.data[at] = value;
  }

  /** A copy of the first `count` values, sized exactly (what is kept after an import). */
  take(count: number): T {
    return this.data.slice(0, count) as T;
  }
}

/** Strings kept as bytes in one growing buffer (no string object each): the netnames of the ranges. */
export class BytePool {
  bytes = new Uint8Array(64 * 1024);
  size = 0;

  /** Stores a latin-1 string (longer ones cut at 255) and returns its offset: offset and length in one number. */
  add(text: string): number {
    const length = Math.min(text.length, 255);
    if (this.size + length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + length));
      grown.set(this.bytes.subarray(0, this.size));
      this.bytes = grown;
    }
    const at = this.size;
    for (let i = 0; i < length; i++) this.bytes[at + i] = text.charCodeAt(i) & 255;
    this.size += length;
    return at * 256 + length;
  }

  static text(bytes: Uint8Array, ref: number): string {
    const at = Math.floor(ref / 256);
    return String.fromCharCode(...bytes.subarray(at, at + (ref % 256)));
  }
}
