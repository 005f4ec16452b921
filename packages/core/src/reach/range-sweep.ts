import { forEachV4Prefix } from "./address-range.ts";
import type { RangeCounts } from "./reach-data.ts";

/** One range as the sweep reads it: addresses, handles (interned, or -1), countries, netname. */
export type SweptRange<N> = {
  /** IPv4: the first address (one word); IPv6: the prefix's four words. */
  words: ArrayLike<number>;
  /** IPv4: the last address; IPv6: the prefix length. */
  last: number;
  abuseC: number;
  org: number;
  /** In the country scope (always true without one). */
  inScope: boolean;
  /** Its first country (countryCode; 0: none), for the language of the mailbox it reaches. */
  country: number;
  name: N;
};

/** A range whose contact is written out: what its prefixes' rows name as their source. */
export type SweptSource<N> = { words: Uint32Array; last: number; contact: number; name: N };

/** Kept per range on the stack: the ranges containing the one being read. */
type Held<N> = {
  words: Uint32Array;
  last: number;
  inScope: boolean;
  /** The nearest range at or above this one with a contact (itself if it has one), and that contact. */
  nearest: SweptSource<N> | null;
};

/** A prefix written out but not final yet: a later range may give the very same prefix. */
type Pending<S> = { words: Uint32Array; bits: number; source: S };

/**
 * Resolves one address family's ranges read in order (IPv4: first address up, then last address down;
 * IPv6: prefix words up, then length up), so that a range comes after every range containing it: a stack
 * of the ranges containing the current one gives each range without a contact of its own the nearest
 * less specific range's. Only ranges with a contact of their own are written out, as prefixes (a range
 * not CIDR-aligned as its minimal prefix list): the longest of them containing an address is then the
 * nearest range with a contact. Two nested ranges can give the same prefix: the more specific range,
 * read later, keeps it; a prefix is final once the ranges read start after it, so `prefix` is called
 * once per distinct prefix, with memory for the nesting only (no array of the family's size).
 *
 * With a country scope, a range out of it is not written out, and a range in it whose nearest contact is
 * in a range out of it carries that contact itself (as intelmq-certbund-contact does): its rows name
 * that range as their source, one `source` for all the ranges it gives its contact to.
 */
export class RangeSweep<N, S> {
  readonly counts: RangeCounts = { read: 0, inScope: 0, withContact: 0, inherited: 0, without: 0 };
  private readonly stack: Held<N>[] = [];
  private pending: Pending<S>[] = [];
  private readonly sources = new Map<SweptSource<N>, S>();
  private readonly piece: Uint32Array;

  constructor(
    private readonly width: 1 | 4,
    private readonly on: {
      /** The contact of an abuse-c and an org (handles or -1): an index, or -1 for none. */
      contact(abuseC: number, org: number): number;
      /** A range in scope reaches `contact`, its own or a less specific range's (MailboxCountries counts them). */
      reached?(contact: number, country: number): void;
      /** A range with a contact is written out: its reference for the rows. */
      source(source: SweptSource<N>): S;
      /** A final prefix (`words` is reused: copy what is kept). */
      prefix(words: Uint32Array, bits: number, source: S): void;
    },
  ) {
    this.piece = new Uint32Array(width);
  }

  /** The next range in the order above. Returns its contact (its own), or -1. */
  range(r: SweptRange<N>): number {
    const w = this.width;
    this.counts.read++;
    this.settle(r.words);
    const stack = this.stack;
    while (stack.length > 0 && !this.contains(stack[stack.length - 1]!, r)) stack.pop();
    const above = stack.length > 0 ? stack[stack.length - 1]! : null;
    const own = this.on.contact(r.abuseC, r.org);
    const words = new Uint32Array(w);
    for (let k = 0; k < w; k++) words[k] = r.words[k]!;
    const self: SweptSource<N> | null = own >= 0 ? { words, last: r.last, contact: own, name: r.name } : null;
    stack.push({ words, last: r.last, inScope: r.inScope, nearest: self ?? above?.nearest ?? null });
    if (!r.inScope) return own;
    this.counts.inScope++;
    const reached = self?.contact ?? above?.nearest?.contact;
    if (reached !== undefined) this.on.reached?.(reached, r.country);
    if (self !== null) {
      this.counts.withContact++;
      this.emit(words, r.last, this.on.source(self));
    } else if (above?.nearest) {
      this.counts.inherited++;
      // Out of the scope, the range above is not written out: this one carries the inherited contact
      // (in scope, the range above is written out, or carries it itself).
      if (!above.inScope) {
        const parent = above.nearest;
        let s = this.sources.get(parent);
        if (s === undefined) this.sources.set(parent, (s = this.on.source(parent)));
        this.emit(words, r.last, s);
      }
    } else this.counts.without++;
    return own;
  }

  /** After the last range: the prefixes still pending are final. */
  end(): void {
    for (const p of this.pending) this.on.prefix(p.words, p.bits, p.source);
    this.pending = [];
    this.stack.length = 0;
    this.sources.clear();
  }

  private contains(p: Held<N>, q: SweptRange<N>): boolean {
    if (this.width === 1) return p.last >= q.last && p.words[0]! <= q.words[0]!;
    const bits = p.last;
    if (bits > q.last) return false;
    for (let k = 0; k < 4; k++) {
      const take = Math.min(32, Math.max(0, bits - 32 * k));
      if (take === 0) return true;
      const mask = take === 32 ? 0xffffffff : ~(0xffffffff >>> take) >>> 0;
      if (((p.words[k]! ^ q.words[k]!) & mask) !== 0) return false;
    }
    return true;
  }

  /** Writes out the pending prefixes that start before `words`: no range read from now on can give them. */
  private settle(words: ArrayLike<number>): void {
    if (this.pending.length === 0) return;
    let kept = 0;
    for (const p of this.pending) {
      if (before(p.words, words, this.width)) this.on.prefix(p.words, p.bits, p.source);
      else this.pending[kept++] = p;
    }
    this.pending.length = kept;
  }

  private emit(words: Uint32Array, last: number, source: S): void {
    if (this.width === 1) {
      forEachV4Prefix(words[0]!, last, (start, bits) => {
        this.piece[0] = start;
        this.add(this.piece, bits, source);
      });
    } else this.add(words, last, source);
  }

  private add(words: Uint32Array, bits: number, source: S): void {
    for (const p of this.pending) {
      if (p.bits === bits && !before(p.words, words, this.width) && !before(words, p.words, this.width)) {
        p.source = source;
        return;
      }
    }
    this.pending.push({ words: words.slice(), bits, source });
  }
}

/** a's words before b's (unsigned, word by word). */
function before(a: ArrayLike<number>, b: ArrayLike<number>, width: number): boolean {
  for (let k = 0; k < width; k++) if (a[k] !== b[k]) return a[k]! < b[k]!;
  return false;
}
