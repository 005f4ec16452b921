import ipaddr from "ipaddr.js";

/** `a.b.c.d` in text[from, to) as an unsigned 32-bit number, or -1 (four decimal parts, no leading zeros). */
export function parseV4(text: string, from = 0, to = text.length): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let result = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || part === 3) return -1;
      result = result * 256 + value;
      part++;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && value === 0) return -1;
      value = value * 10 + (c - 48);
      if (value > 255) return -1;
      digits++;
    } else return -1;
  }
  if (part !== 3 || digits === 0) return -1;
  return result * 256 + value;
}

export const v4Text = (a: number) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;

/** The four big-endian 32-bit words of a 16-byte IPv6 address. */
export function v6Words(bytes: ArrayLike<number>, out: Uint32Array, at: number): void {
  for (let w = 0; w < 4; w++) {
    out[at + w] =
      ((bytes[w * 4]! << 24) | (bytes[w * 4 + 1]! << 16) | (bytes[w * 4 + 2]! << 8) | bytes[w * 4 + 3]!) >>> 0;
  }
}

export function v6Text(words: Uint32Array, at: number): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) {
    const x = words[at + w]!;
    bytes.push(x >>> 24, (x >>> 16) & 255, (x >>> 8) & 255, x & 255);
  }
  return ipaddr.fromByteArray(bytes).toString();
}

/**
 * Calls `each(start, bits)` for the minimal list of prefixes that exactly cover [first, last] (IPv4, as
 * unsigned numbers), in address order: every prefix is the largest aligned block that fits, so a range
 * that is a prefix gives itself. Numbers, not BigInt: this runs for every inetnum of the dump.
 */
export function forEachV4Prefix(first: number, last: number, each: (start: number, bits: number) => void): void {
  let start = first;
  while (start <= last) {
    // Largest block aligned at `start` (2^32 for 0), then halved until it ends within the range.
    let size = start === 0 ? 2 ** 32 : start & -start;
    if (size < 0) size = 2 ** 31; // start & -start is negative only for 0x80000000
    while (start + size - 1 > last) size /= 2;
    each(start, 32 - Math.log2(size));
    start += size;
  }
}

/** The same for any address family, as BigInt (RDAP answers: a few ranges, IPv4 or IPv6). */
export function rangePrefixes(first: bigint, last: bigint, width: 32 | 128): { start: bigint; bits: number }[] {
  const out: { start: bigint; bits: number }[] = [];
  let start = first;
  while (start <= last) {
    let bits = width;
    // Grow the block while it stays aligned at `start` and inside the range.
    while (bits > 0) {
      const size = 1n << BigInt(width - bits + 1);
      if (start % size !== 0n || start + size - 1n > last) break;
      bits--;
    }
    out.push({ start, bits });
    start += 1n << BigInt(width - bits);
  }
  return out;
}

/** The text of an address held as BigInt. */
export function bigIntText(value: bigint, width: 32 | 128): string {
  if (width === 32) return v4Text(Number(value));
  const words = new Uint32Array(4);
  for (let w = 0; w < 4; w++) words[w] = Number((value >> BigInt(96 - 32 * w)) & 0xffffffffn);
  return v6Text(words, 0);
}
