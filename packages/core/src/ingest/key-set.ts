/**
 * A set of strings that remembers only a 64-bit hash of each (two 32-bit FNV-1a variants), in flat typed
 * arrays: 16 bytes a slot, so a million distinct host keys take 32 MB instead of the ~150 MB a Set of
 * strings would. Two different keys share both hashes with probability about n²/2⁶⁵ (3·10⁻⁸ for a
 * million keys): the price of folding duplicates of a two-million-row upload in flat memory.
 */
export class KeySet {
  private a = new Uint32Array(1 << 16);
  private b = new Uint32Array(1 << 16);
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
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (const part of [a, b, c]) {
      for (let i = 0; i < part.length; i++) {
        const ch = part.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 0x01000193);
        h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
      h1 = Math.imul(h1 ^ 124, 0x01000193);
      h2 = Math.imul(h2 ^ 124, 0x5bd1e995);
    }
    h1 >>>= 0;
    h2 = (h2 | 1) >>> 0; // never 0: 0 marks an empty slot
    if (this.insert(h1, h2)) {
      if (++this.count * 2 > this.a.length) this.grow();
      return true;
    }
    return false;
  }

  private insert(h1: number, h2: number): boolean {
    const mask = this.a.length - 1;
    for (let i = h1 & mask; ; i = (i + 1) & mask) {
      if (this.b[i] === 0) {
        this.a[i] = h1;
        this.b[i] = h2;
        return true;
      }
      if (this.a[i] === h1 && this.b[i] === h2) return false;
    }
  }

  private grow(): void {
    const [a, b] = [this.a, this.b];
    this.a = new Uint32Array(a.length * 2);
    this.b = new Uint32Array(b.length * 2);
    for (let i = 0; i < a.length; i++) if (b[i] !== 0) this.insert(a[i]!, b[i]!);
  }
}
