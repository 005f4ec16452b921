type Typed = Uint8Array | Uint16Array | Int32Array | Uint32Array;
type TypedCtor<T extends Typed> = { new (length: number): T };

const SHIFT = 16;
const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
const POOL_CHUNK = 1 << 20;
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, from: number, to: number): string })
  .latin1Slice;

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
  private used = POOL_CHUNK; // the current chunk is full: the first add starts one

  /** Stores a latin-1 string (cut at 255 characters) as its length then its bytes; returns a reference. */
  add(text: string): number {
    const length = Math.min(text.length, 255);
    if (this.used + length + 1 > POOL_CHUNK) {
      this.chunks.push(new Uint8Array(POOL_CHUNK));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1]!;
    const at = this.used;
    chunk[at] = length;
    for (let i = 0; i < length; i++) chunk[at + 1 + i] = text.charCodeAt(i) & 255;
    this.used += length + 1;
    return (this.chunks.length - 1) * POOL_CHUNK + at;
  }

  /** The string stored at a reference. */
  get(ref: number): string {
    return BytePool.text(this.chunks, ref);
  }

  /** Hands the bytes over (ReachData.names) and empties the pool: no copy at the import's peak. */
  take(): Uint8Array[] {
    const chunks = this.chunks.splice(0);
    this.used = POOL_CHUNK;
    return chunks;
  }

  /** The string a reference points to in a pool's chunks. */
  static text(chunks: readonly Uint8Array[], ref: number): string {
    const chunk = chunks[Math.floor(ref / POOL_CHUNK)]!;
    const at = ref % POOL_CHUNK;
    // Node's latin-1 decoder straight on the bytes: no Buffer made per string (a loaded fallback decodes an
    // answer for every new range it meets; a Buffer view each cost 3x the decoding).
    return latin1Slice.call(chunk, at + 1, at + 1 + chunk[at]!);
  }
}
