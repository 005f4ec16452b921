/**
 * The fixtures' random source: a 32-bit linear congruential generator, so the same seed gives the same
 * registry and the same list on every machine (and the same as the project's reference generator).
 */
export class Lcg {
  constructor(public state: number) {
    this.state = state >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state * 1664525 + 1013904223) >>> 0;
    return this.state / 2 ** 32;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

export const ipv4 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
