import type { Cidr, IpAddress } from "../match/ip-address.ts";
import { Column } from "./columns.ts";

const NONE = -1;
const V4_END = 2 ** 32 - 1;
const V6_END = (1n << 128n) - 1n;

/**
 * Longest-prefix match over millions of prefixes, flattened: the prefixes cut the address space into
 * intervals, each answered by the longest prefix covering it, so a lookup is a binary search for the
 * interval holding the address, narrowed first by a table of its top 16 bits. A few bytes per prefix
 * (the binary PrefixTrie of the matcher needs a node per bit below the shared part, ~16 bytes each: for
 * millions of /24../29 prefixes that is hundreds of MB) and a handful of memory reads per lookup.
 */
export class PrefixMap {
  private constructor(
    private readonly v4Start: Uint32Array,
    private readonly v4Value: Int32Array,
    private readonly v4Top: Uint32Array,
    private readonly v6Words: Uint32Array,
    private readonly v6Value: Int32Array,
    private readonly v6Top: Uint32Array,
  ) {}

  /** Intervals per family (memory: 8 bytes each for IPv4, 20 for IPv6). */
  get size() {
    return { v4: this.v4Value.length, v6: this.v6Value.length };
  }

  /** The value of the longest prefix containing the address, or -1. */
  lookup(ip: IpAddress): number {
    const b = ip.bytes;
    if (ip.version === 4) return this.lookupV4(((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0);
    const a0 = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
    const a1 = ((b[4]! << 24) | (b[5]! << 16) | (b[6]! << 8) | b[7]!) >>> 0;
    const a2 = ((b[8]! << 24) | (b[9]! << 16) | (b[10]! << 8) | b[11]!) >>> 0;
    const a3 = ((b[12]! << 24) | (b[13]! << 16) | (b[14]! << 8) | b[15]!) >>> 0;
    const top = a0 >>> 16;
    let lo = this.v6Top[top]!;
    let hi = this.v6Top[top + 1]!;
    const w = this.v6Words;
    // The last interval starting at or before the address.
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const m = mid * 4;
      const after =
        w[m]! !== a0
          ? w[m]! > a0
          : w[m + 1]! !== a1
            ? w[m + 1]! > a1
            : w[m + 2]! !== a2
              ? w[m + 2]! > a2
              : w[m + 3]! > a3;
      if (after) hi = mid - 1;
      else lo = mid;
    }
    return this.v6Value[lo]!;
  }

  /** `lookup` for an IPv4 address as an unsigned 32-bit number. */
  lookupV4(address: number): number {
    const top = address >>> 16;
    let lo = this.v4Top[top]!;
    let hi = this.v4Top[top + 1]!;
    const starts = this.v4Start;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! > address) hi = mid - 1;
      else lo = mid;
    }
    return this.v4Value[lo]!;
  }

  /** Built by PrefixMapBuilder. */
  static of(v4: Flat<number>, v6: Flat<bigint>): PrefixMap {
    const v4Start = Uint32Array.from(v4.starts);
    const v6Words = new Uint32Array(v6.starts.length * 4);
    v6.starts.forEach((s, i) => {
      for (let k = 0; k < 4; k++) v6Words[i * 4 + k] = Number((s >> BigInt(96 - 32 * k)) & 0xffffffffn);
    });
    return new PrefixMap(
      v4Start,
      Int32Array.from(v4.values),
      topIndex(v4Start, 1),
      v6Words,
      Int32Array.from(v6.values),
      topIndex(v6Words, 4),
    );
  }
}

type Flat<A> = { starts: A[]; values: number[] };

/** top[t]: the last interval starting at or before t << 16 (as the first word); top[65536]: the last one. */
function topIndex(words: Uint32Array, width: number): Uint32Array {
  const count = words.length / width;
  const top = new Uint32Array(65537);
  const startsBy = (j: number, boundary: number) => {
    const w0 = words[j * width]!;
    if (w0 !== boundary) return w0 < boundary;
    for (let k = 1; k < width; k++) if (words[j * width + k] !== 0) return false;
    return true;
  };
  let j = 0;
  for (let t = 0; t < 65536; t++) {
    while (j + 1 < count && startsBy(j + 1, t * 65536)) j++;
    top[t] = j;
  }
  top[65536] = count - 1;
  return top;
}

/**
 * Collects prefixes with a value each, in any order (rows read back from the database, or an import's
 * sorted prefixes), and builds the PrefixMap. The same prefix added twice keeps the later value.
 */
export class PrefixMapBuilder {
  private v4Start = new Column(Uint32Array);
  private v4Bits = new Column(Uint8Array);
  private v4Value = new Column(Int32Array);
  private v4Count = 0;
  private v6: { start: bigint; bits: number; value: number }[] = [];

  addV4(start: number, bits: number, value: number): void {
    const i = this.v4Count++;
    this.v4Start.set(i, start);
    this.v4Bits.set(i, bits);
    this.v4Value.set(i, value);
  }

  /** An IPv6 prefix from its four 32-bit words at `words[at..at+3]`. */
  addV6(words: ArrayLike<number>, at: number, bits: number, value: number): void {
    let start = 0n;
    for (let k = 0; k < 4; k++) start = (start << 32n) | BigInt(words[at + k]!);
    this.v6.push({ start, bits, value });
  }

  add(cidr: Cidr, value: number): void {
    const b = cidr.bytes;
    const word = (k: number) => ((b[k]! << 24) | (b[k + 1]! << 16) | (b[k + 2]! << 8) | b[k + 3]!) >>> 0;
    if (cidr.version === 4) this.addV4(word(0), cidr.bits, value);
    else this.addV6([word(0), word(4), word(8), word(12)], 0, cidr.bits, value);
  }

  build(): PrefixMap {
    const n = this.v4Count;
    const start = this.v4Start.data;
    const bits = this.v4Bits.data;
    const order = new Uint32Array(n);
    let sorted = true;
    for (let i = 0; i < n; i++) {
      order[i] = i;
      if (i > 0 && (start[i - 1]! > start[i]! || (start[i - 1] === start[i] && bits[i - 1]! > bits[i]!)))
        sorted = false;
    }
    // An import's prefixes come sorted: the sort is for rows read back in another order.
    if (!sorted) order.sort((a, b) => start[a]! - start[b]! || bits[a]! - bits[b]! || a - b);
    const v4 = flatten<number>(
      n,
      (k) => start[order[k]!]!,
      (k) => start[order[k]!]! + 2 ** (32 - bits[order[k]!]!) - 1,
      (k) => this.v4Value.data[order[k]!]!,
      V4_END,
      1,
    );
    const v6List = this.v6
      .map((p, i) => ({ ...p, i }))
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.bits - b.bits || a.i - b.i));
    const v6 = flatten<bigint>(
      v6List.length,
      (k) => v6List[k]!.start,
      (k) => v6List[k]!.start + (1n << BigInt(128 - v6List[k]!.bits)) - 1n,
      (k) => v6List[k]!.value,
      V6_END,
      1n,
    );
    return PrefixMap.of(v4, v6);
  }
}

/**
 * The intervals of sorted prefixes (start up, shorter first): a sweep with a stack of the prefixes
 * containing the current address. Equal prefixes: the later one wins. Generic over number (IPv4) and
 * bigint (IPv6).
 */
function flatten<A extends number | bigint>(
  count: number,
  startOf: (k: number) => A,
  endOf: (k: number) => A,
  valueOf: (k: number) => number,
  max: A,
  one: A,
): Flat<A> {
  const starts: A[] = [(typeof max === "bigint" ? 0n : 0) as A];
  const values: number[] = [NONE];
  const put = (at: A, value: number) => {
    const last = starts.length - 1;
    if (starts[last] === at) {
      values[last] = value;
      if (last > 0 && values[last - 1] === value) {
        starts.pop();
        values.pop();
      }
    } else if (values[last] !== value) {
      starts.push(at);
      values.push(value);
    }
  };
  const ends: A[] = [];
  const held: number[] = [];
  const close = (until: A | null) => {
    while (ends.length > 0 && (until === null || ends[ends.length - 1]! < until)) {
      const end = ends.pop()!;
      held.pop();
      if (end < max) put(((end as bigint) + (one as bigint)) as A, held.length > 0 ? held[held.length - 1]! : NONE);
    }
  };
  for (let k = 0; k < count; k++) {
    const start = startOf(k);
    close(start);
    // An equal prefix is stacked on the earlier one: its value overwrites at the same start, and the
    // earlier one's end, popped right after, writes over what its own end wrote.
    put(start, valueOf(k));
    ends.push(endOf(k));
    held.push(valueOf(k));
  }
  close(null);
  return { starts, values };
}
