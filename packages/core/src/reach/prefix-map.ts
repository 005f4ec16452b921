import type { Cidr, IpAddress } from "../match/ip-address.ts";
import { Column } from "./columns.ts";
import { sortByWordsInSteps } from "./sort-indexes.ts";
import { finish, finishInTurns, STEP_ROWS, type Steps } from "../steps.ts";

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

  /** Built by PrefixMapBuilder: interval starts (`width` words each) and values, sorted. */
  static of(v4: Flat, v6: Flat): PrefixMap {
    return new PrefixMap(v4.starts, v4.values, topIndex(v4.starts, 1), v6.starts, v6.values, topIndex(v6.starts, 4));
  }
}

type Flat = { starts: Uint32Array; values: Int32Array };

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

/** Prefixes of one family as added: `width` words of start, length, value. */
class Added {
  readonly words = new Column(Uint32Array);
  readonly bits = new Column(Uint8Array);
  readonly value = new Column(Int32Array);
  count = 0;
  constructor(readonly width: 1 | 4) {}
}

/**
 * Collects prefixes with a value each, in any order (rows read back from the database, or an import's
 * sorted prefixes), and builds the PrefixMap. The same prefix added twice keeps the later value.
 */
export class PrefixMapBuilder {
  private readonly v4 = new Added(1);
  private readonly v6 = new Added(4);

  addV4(start: number, bits: number, value: number): void {
    const t = this.v4;
    t.words.set(t.count, start);
    t.bits.set(t.count, bits);
    t.value.set(t.count++, value);
  }

  /** An IPv6 prefix from its four 32-bit words at `words[at..at+3]`. */
  addV6(words: ArrayLike<number>, at: number, bits: number, value: number): void {
    const t = this.v6;
    for (let k = 0; k < 4; k++) t.words.set(t.count * 4 + k, words[at + k]!);
    t.bits.set(t.count, bits);
    t.value.set(t.count++, value);
  }

  add(cidr: Cidr, value: number): void {
    const b = cidr.bytes;
    const word = (k: number) => ((b[k]! << 24) | (b[k + 1]! << 16) | (b[k + 2]! << 8) | b[k + 3]!) >>> 0;
    if (cidr.version === 4) this.addV4(word(0), cidr.bits, value);
    else this.addV6([word(0), word(4), word(8), word(12)], 0, cidr.bits, value);
  }

  build(): PrefixMap {
    return finish(this.steps());
  }

  /** `build` in turns of the event loop, for a process that answers requests meanwhile. */
  buildInTurns(): Promise<PrefixMap> {
    return finishInTurns(this.steps());
  }

  private *steps(): Steps<PrefixMap> {
    const v4 = yield* flatten(
      this.v4,
      (i) => this.v4.words.get(i),
      (i) => this.v4.words.get(i) + 2 ** (32 - this.v4.bits.get(i)) - 1,
      V4_END,
      1,
      (out, at, a) => out.set(at, a),
      (out, at) => out.get(at),
    );
    const v6Start = (i: number) => {
      let v = 0n;
      for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(this.v6.words.get(i * 4 + k));
      return v;
    };
    const v6 = yield* flatten(
      this.v6,
      v6Start,
      (i) => v6Start(i) + (1n << BigInt(128 - this.v6.bits.get(i))) - 1n,
      V6_END,
      1n,
      (out, at, a) => {
        for (let k = 0; k < 4; k++) out.set(at * 4 + k, Number((a >> BigInt(96 - 32 * k)) & 0xffffffffn));
      },
      (out, at) => {
        let v = 0n;
        for (let k = 0; k < 4; k++) v = (v << 32n) | BigInt(out.get(at * 4 + k));
        return v;
      },
    );
    return PrefixMap.of(v4, v6);
  }
}

/**
 * The intervals of one family's prefixes: sorted (start up, shorter first; for equal prefixes the one
 * added later last), then swept with a stack of the prefixes containing the current address. Generic
 * over number (IPv4) and bigint (IPv6, computed per prefix: the tables hold words).
 */
function* flatten<A extends number | bigint>(
  added: Added,
  startOf: (i: number) => A,
  endOf: (i: number) => A,
  max: A,
  one: A,
  write: (out: Column<Uint32Array>, at: number, address: A) => void,
  read: (out: Column<Uint32Array>, at: number) => A,
): Steps<Flat> {
  const { width: w, count, words, bits } = added;
  const order = yield* sortByWordsInSteps(
    count,
    w,
    (row, k) => words.get(row * w + k),
    (a, b) => bits.get(a) - bits.get(b) || a - b,
  );
  const starts = new Column(Uint32Array);
  const values = new Column(Int32Array);
  write(starts, 0, (typeof max === "bigint" ? 0n : 0) as A);
  values.set(0, NONE);
  let size = 1;
  let lastStart = read(starts, 0);
  const put = (at: A, value: number) => {
    if (lastStart === at) {
      values.set(size - 1, value);
      if (size > 1 && values.get(size - 2) === value) lastStart = read(starts, --size - 1);
    } else if (values.get(size - 1) !== value) {
      write(starts, size, at);
      values.set(size++, value);
      lastStart = at;
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
    const i = order[k]!;
    const start = startOf(i);
    close(start);
    // An equal prefix is stacked on the earlier one: its value overwrites at the same start, and the
    // earlier one's end, popped right after, writes over what its own end wrote.
    put(start, added.value.get(i));
    ends.push(endOf(i));
    held.push(added.value.get(i));
    if ((k & (STEP_ROWS - 1)) === 0) yield;
  }
  close(null);
  return { starts: starts.take(size * w), values: values.take(size) };
}
