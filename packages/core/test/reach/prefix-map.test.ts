import { describe, expect, it } from "vitest";
import { parseCidr, parseIp, PrefixMapBuilder } from "../../src/index.ts";
import { sortByWords } from "../../src/reach/sort-indexes.ts";

let seed = 11;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

describe("PrefixMap", () => {
  it("answers the longest prefix for random IPv4 prefixes, as a brute-force scan does", () => {
    const prefixes: { start: number; bits: number; value: number }[] = [];
    const builder = new PrefixMapBuilder();
    for (let i = 0; i < 3000; i++) {
      const bits = i === 0 ? 0 : 8 + Math.floor(rnd() * 25);
      const size = 2 ** (32 - bits);
      // Clustered in a few /8s so that prefixes nest.
      const base = [10, 198, 255][i % 3]! * 2 ** 24 + Math.floor(rnd() * 2 ** 20) * 16;
      const start = Math.floor(base / size) * size;
      prefixes.push({ start, bits, value: i });
      // In any order: the builder sorts.
      builder.addV4(start, bits, i);
    }
    const map = builder.build();
    const expected = (a: number) => {
      let best = -1;
      let bestBits = -1;
      for (const p of prefixes) {
        if (a >= p.start && a < p.start + 2 ** (32 - p.bits) && p.bits >= bestBits) {
          best = p.value;
          bestBits = p.bits;
        }
      }
      return best;
    };
    const probes = [0, 2 ** 32 - 1, 255 * 2 ** 24, 198 * 2 ** 24 - 1];
    for (const p of prefixes.slice(0, 500))
      probes.push(p.start, p.start + 2 ** (32 - p.bits) - 1, p.start + 2 ** (32 - p.bits));
    for (let i = 0; i < 2000; i++) probes.push(Math.floor(rnd() * 2 ** 32));
    for (const a of probes.filter((x) => x < 2 ** 32)) expect(map.lookupV4(a), String(a)).toBe(expected(a));
  });

  it("builds from prefixes already in order (as read back by their key) what it builds from any order", () => {
    const prefixes: { start: number; bits: number }[] = [];
    for (let i = 0; i < 2000; i++) {
      const bits = 8 + Math.floor(rnd() * 25);
      const size = 2 ** (32 - bits);
      prefixes.push({ start: Math.floor((10 * 2 ** 24 + Math.floor(rnd() * 2 ** 22) * 4) / size) * size, bits });
    }
    prefixes.push({ ...prefixes[0]! }); // the same prefix twice: the later value
    const inOrder = [...prefixes].sort((a, b) => a.start - b.start || a.bits - b.bits);
    const build = (list: typeof prefixes) => {
      const b = new PrefixMapBuilder();
      // The value names the prefix, so that both builds can be compared.
      list.forEach((p) => b.addV4(p.start, p.bits, p.start * 64 + p.bits));
      return b.build();
    };
    const sorted = build(inOrder);
    const shuffled = build([...inOrder].reverse());
    for (let i = 0; i < 5000; i++) {
      const a = 10 * 2 ** 24 + Math.floor(rnd() * 2 ** 24);
      expect(sorted.lookupV4(a)).toBe(shuffled.lookupV4(a));
    }
    expect(
      sortByWords(
        4,
        1,
        (row) => [1, 2, 2, 3][row]!,
        (a, b) => a - b,
      ),
    ).toEqual(Uint32Array.from([0, 1, 2, 3]));
    expect(
      sortByWords(
        3,
        1,
        (row) => [2, 1, 3][row]!,
        (a, b) => a - b,
      ),
    ).toEqual(Uint32Array.from([1, 0, 2]));
  });

  it("keeps the later value of a prefix added twice, and answers IPv6", () => {
    const b = new PrefixMapBuilder();
    const add = (cidr: string, v: number) => b.add((parseCidr(cidr) as { ok: true; cidr: never }).cidr, v);
    add("2001:db8::/32", 1);
    add("2001:db8:1::/48", 2);
    add("2001:db8:1:1::/64", 3);
    add("2001:db8:1::/48", 4);
    add("::/0", 5);
    add("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/128", 6);
    add("192.0.2.0/24", 7);
    add("192.0.2.0/24", 8);
    const map = b.build();
    const at = (ip: string) => map.lookup(parseIp(ip)!);
    expect(at("2001:db8::1")).toBe(1);
    expect(at("2001:db8:1::1")).toBe(4);
    expect(at("2001:db8:1:1::1")).toBe(3);
    expect(at("2001:db8:1:2::1")).toBe(4);
    expect(at("2001:db8:2::")).toBe(1);
    expect(at("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")).toBe(6);
    expect(at("2001:db9::")).toBe(5);
    expect(at("::")).toBe(5);
    expect(at("ffff::1")).toBe(5);
    expect(at("192.0.2.255")).toBe(8);
    expect(at("192.0.3.0")).toBe(-1);
  });

  it("builds in turns of the event loop what it builds at once, buckets past the split size included", async () => {
    // 60,000 IPv6 prefixes in two /16s (as RIPE's share 2a00..2a14): buckets far past LARGE_BUCKET.
    const fill = (b: PrefixMapBuilder) => {
      seed = 5;
      for (let i = 0; i < 60_000; i++) {
        const bits = 32 + Math.floor(rnd() * 33);
        const w1 = Math.floor(rnd() * 2 ** 32);
        const masked = bits >= 64 ? w1 : bits <= 32 ? 0 : (w1 >>> (64 - bits)) * 2 ** (64 - bits);
        b.addV6([i % 2 ? 0x2a020000 + Math.floor(rnd() * 8) : 0x2a010000, masked, 0, 0], 0, bits, i);
      }
    };
    const once = new PrefixMapBuilder();
    const inTurns = new PrefixMapBuilder();
    fill(once);
    fill(inTurns);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const [a, b] = [once.build(), await inTurns.buildInTurns()];
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(0);
    expect(b.size).toEqual(a.size);
    seed = 9;
    for (let i = 0; i < 5_000; i++) {
      const ip = `2a0${i % 2 ? 2 : 1}:${Math.floor(rnd() * 8).toString(16)}:${Math.floor(rnd() * 65536).toString(16)}::${i.toString(16)}`;
      expect(b.lookup(parseIp(ip)!), ip).toBe(a.lookup(parseIp(ip)!));
    }
  });

  it("sorts rows by their words then the tie, as a comparator sort does, however the buckets fall", () => {
    seed = 3;
    const width = 2;
    const words = Array.from({ length: 30_000 * width }, (_, i) =>
      i % width === 0 ? 0x2a000000 + (Math.floor(rnd() * 3) << 16) + Math.floor(rnd() * 4) : Math.floor(rnd() * 50),
    );
    const word = (row: number, k: number) => words[row * width + k]!;
    const tie = (a: number, b: number) => b - a;
    const expected = Array.from({ length: 30_000 }, (_, i) => i).sort(
      (a, b) => word(a, 0) - word(b, 0) || word(a, 1) - word(b, 1) || tie(a, b),
    );
    expect(Array.from(sortByWords(30_000, width, word, tie))).toEqual(expected);
  });
});
