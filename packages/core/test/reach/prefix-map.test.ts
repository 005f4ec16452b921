import { describe, expect, it } from "vitest";
import { parseCidr, parseIp, PrefixMapBuilder } from "../../src/index.ts";

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
});
