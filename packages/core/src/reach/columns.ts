type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array;
type TypedCtor<T extends Typed> = { new (length: number): T };

const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;

/**
 * A column of numbers, one per row of a table that grows as a dump is read, in fixed chunks of 65,536:
 * growing never copies, and never frees a large buffer that the allocator would keep as a hole (growing
 * one array by copying left ~90 MiB of such holes at the real dump's size).
 */
export class Column<T extends Typed> {
  private readonly chunks: T[] = [];

  constructor(
    private readonly ctor: TypedCtor<T>,
    private readonly fill = 0,
  ) {}

  get(at: number): number {
    return this.chunks[at >>> SHIFT]![at & MASK]!;
  }

  /** The value, or `fill` past the end. */
  getOr(at: number): number {
    const chunk = this.chunks[at >>> SHIFT];
    return chunk === undefined ? this.fill : chunk[at & MASK]!;
  }

  set(at: number, value: number): void {
    const c = at >>> SHIFT;
    while (c >= this.chunks.length) {
      const chunk = new this.ctor(CHUNK);
      if (this.fill !== 0) chunk.fill(this.fill);
      this.chunks.push(chunk);
    }
    this.chunks[c]![at & MASK] = value;
  }

  clear(): void {
    this.chunks.length = 0;
  }

  /** The first `count` values in one array of that size (what is kept after an import). */
  take(count: number): T {
    const out = new this.ctor(count);
    for (let c = 0; c * CHUNK < count; c++) {
      const chunk = this.chunks[c]!;
      out.set(count - c * CHUNK >= CHUNK ? chunk : chunk.subarray(0, count - c * CHUNK), c * CHUNK);
    }
    return out;
  }
}

/** Short strings kept as bytes (no string object each): the netnames of ranges. */
export class BytePool {
  private readonly chunks: Uint8Array[] = [];
  private used = CHUNK * 16; // the current chunk is full: the first add starts one

  /** Stores a latin-1 string (cut at 255 characters) as its length then its bytes; returns a reference. */
  add(text: string): number {
    const length = Math.min(text.length, 255);
    if (this.used + length + 1 > CHUNK * 16) {
      this.chunks.push(new Uint8Array(CHUNK * 16));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const at = this.used;
    chunk[at] = length;
    for (let i = 0; i < length; i++) chunk[at + 1 + i] = text.charCodeAt(i) & 255;
    this.used += length + 1;
    return (this.chunks.length - 1) * CHUNK * 16 + at;
  }

  /** The bytes of a reference (its length first), to copy into another pool. */
  bytesOf(ref: number): Uint8Array {
    const chunk = this.chunks[Math.floor(ref / (CHUNK * 16))]!;
    const at = ref % (CHUNK * 16);
    return chunk.subarray(at, at + 1 + chunk[at]!);
  }

  /** The string at `at` of a pool's bytes in one array (ReachData.names). */
  static text(bytes: Uint8Array, at: number): string {
    return String.fromCharCode(...bytes.subarray(at + 1, at + 1 + bytes[at]!));
  }
}
