// h1 is 32-bit FNV-1a (its offset basis and prime); h2 starts from the FNV prime and mixes with
// MurmurHash2's multiplier and a shift, so that the two are independent enough to collide only by chance.
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MURMUR_M = 0x5bd1e995;
/** Ends every part, as the `|` of `ip|port|hostname` would. */
const SEPARATOR = 124;
/** Two 32-bit words a slot: [h1, h2]. */
const WORDS = 2;
/** Slots to start with (512 KB): a small list never grows; a million keys grow it five times. */
const INITIAL_SLOTS = 1 << 16;

/**
 * A set of strings that remembers only a 64-bit hash of each (two 32-bit FNV-1a variants), in flat typed
 * arrays: 16 bytes a slot, so a million distinct host keys take 32 MB instead of the ~150 MB a Set of
 * strings would. Two different keys share both hashes with probability about n²/2⁶⁵ (3·10⁻⁸ for a
 * million keys): the price of folding duplicates of a two-million-row upload in flat memory.
 */
export class KeySet {
  // Slot i is [2i] = h1, [2i + 1] = h2 (never 0, so 0 marks it empty): side by side, one cache miss a probe.
  private slots = new Uint32Array(INITIAL_SLOTS * WORDS);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds the key; false when it (its hash) was there already. */
  add(key: string): boolean {
    return this.addParts(key, "", "");
  }

  /** Adds the key `a|b|c` without building the string (one per row of a million-row upload). */
  addParts(a: string, b: string, c: string): boolean {
    this.begin();
    this.text(a);
    this.text(b);
    this.text(c);
    return this.commit();
  }

  // A key can also be hashed part by part, from strings, bytes and numbers alike (`begin`, parts,
  // `commit`): ASCII bytes and decimal digits hash as the same characters would, so a row read in place
  // and the same row read as strings fold together.
  private h1 = 0;
  private h2 = 0;

  begin(): void {
    this.h1 = FNV_OFFSET;
    this.h2 = FNV_PRIME;
  }

  // The hashes live in locals while a part is mixed in (fields of `this` would be stored at every
  // character), and each part ends with a separator so that ("ab", "c") and ("a", "bc") differ.
  text(part: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < part.length; i++) {
      const ch = part.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, FNV_PRIME);
      h2 = Math.imul(h2 ^ ch, MURMUR_M);
      h2 ^= h2 >>> 15;
    }
    this.end(h1, h2);
  }

  /** Bytes `from`..`to` of ASCII text. */
  bytes(buf: Uint8Array, from: number, to: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = from; i < to; i++) {
      const ch = buf[i]!;
      h1 = Math.imul(h1 ^ ch, FNV_PRIME);
      h2 = Math.imul(h2 ^ ch, MURMUR_M);
      h2 ^= h2 >>> 15;
    }
    this.end(h1, h2);
  }

  private end(h1: number, h2: number): void {
    this.h1 = Math.imul(h1 ^ SEPARATOR, FNV_PRIME);
    this.h2 = Math.imul(h2 ^ SEPARATOR, MURMUR_M);
  }

  /** A whole number ≥ 0 as its decimal digits; a negative number as an empty part. */
  digits(n: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    if (n >= 0) {
      let scale = 1;
      while (scale * 10 <= n) scale *= 10;
      for (; scale >= 1; scale /= 10) {
        const ch = 48 + (Math.floor(n / scale) % 10);
        h1 = Math.imul(h1 ^ ch, FNV_PRIME);
        h2 = Math.imul(h2 ^ ch, MURMUR_M);
        h2 ^= h2 >>> 15;
      }
    }
    this.end(h1, h2);
  }

  /** Adds the key hashed since `begin`; false when it was there already. */
  commit(): boolean {
    const h1 = this.h1 >>> 0;
    const h2 = (this.h2 | 1) >>> 0; // never 0: 0 marks an empty slot
    if (this.insert(h1, h2)) {
      // Grown past half full (a quarter of the words: two a slot): a probe then seldom goes past the next slot.
      if (++this.count > this.slots.length >>> 2) this.grow();
      return true;
    }
    return false;
  }

  private insert(h1: number, h2: number): boolean {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1; // slots.length / WORDS, kept an integer
    for (let i = h1 & mask; ; i = (i + 1) & mask) {
      const at = i << 1;
      if (slots[at + 1] === 0) {
        slots[at] = h1;
        slots[at + 1] = h2;
        return true;
      }
      if (slots[at] === h1 && slots[at + 1] === h2) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += WORDS) if (old[at + 1] !== 0) this.insert(old[at]!, old[at + 1]!);
  }
}
