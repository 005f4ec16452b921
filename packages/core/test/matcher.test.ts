import { describe, expect, it } from "vitest";
import {
  buildMatcher,
  buildMatcherInTurns,
  parseCidr,
  parseIp,
  PrefixTrie,
  type RegistrySnapshot,
} from "../src/index.ts";

const ISP = "00000000-0000-4000-8000-000000000001";
const CUSTOMER = "00000000-0000-4000-8000-000000000002";
const HOSTED = "00000000-0000-4000-8000-000000000003";
const V6 = "00000000-0000-4000-8000-000000000004";
const TWIN = "00000000-0000-4000-8000-000000000005";
const MANUAL = "00000000-0000-4000-8000-000000000006";

const registry: RegistrySnapshot = {
  networks: [
    { organizationId: ISP, cidr: "198.18.0.0/20" },
    { organizationId: CUSTOMER, cidr: "198.18.1.16/28" },
    { organizationId: V6, cidr: "2001:db8::/32" },
    { organizationId: CUSTOMER, cidr: "2001:db8:5::/48" },
    { organizationId: HOSTED, cidr: "2001:db8:5:1::/64" },
    { organizationId: CUSTOMER, cidr: "198.51.100.0/24" },
    { organizationId: TWIN, cidr: "198.51.100.0/24" },
  ],
  domains: [
    { organizationId: CUSTOMER, name: "a.example" },
    { organizationId: HOSTED, name: "mail.a.example" },
  ],
  asns: [{ organizationId: ISP, asn: 64512 }],
  manual: [
    { organizationId: MANUAL, ip: "198.18.1.20", hostname: null },
    { organizationId: MANUAL, ip: null, hostname: "owa.b.example" },
  ],
};
const m = buildMatcher(registry);
const match = (ip: string | null, hostname: string | null = null, asn: number | null = null) =>
  m.match({ ip: ip ? parseIp(ip) : null, hostname, asn });

describe("matcher precedence", () => {
  it("takes the customer's /28 before the ISP's /20, and keeps the ISP and its ASN as candidates", () => {
    const r = match("198.18.1.17");
    expect(r).toMatchObject({ organizationId: CUSTOMER, reason: "network" });
    expect(r.candidates).toEqual([
      { organizationId: CUSTOMER, reason: "network", detail: "198.18.1.16/28" },
      { organizationId: ISP, reason: "network", detail: "198.18.0.0/20" },
      { organizationId: ISP, reason: "asn", detail: "AS64512 (registry)" },
    ]);
  });

  it("falls back to the ISP outside the customer's block", () => {
    expect(match("198.18.1.32")).toMatchObject({ organizationId: ISP, reason: "network" });
    expect(match("198.18.15.255")).toMatchObject({ organizationId: ISP, reason: "network" });
    expect(match("198.18.16.0").organizationId).toBeNull();
  });

  it("prefers the hostname's domain, longest suffix first, over the network", () => {
    const r = match("198.18.1.17", "mail.a.example");
    expect(r).toMatchObject({ organizationId: HOSTED, reason: "domain" });
    expect(r.candidates.slice(0, 3)).toEqual([
      { organizationId: HOSTED, reason: "domain", detail: "mail.a.example" },
      { organizationId: CUSTOMER, reason: "domain", detail: "a.example" },
      { organizationId: CUSTOMER, reason: "network", detail: "198.18.1.16/28" },
    ]);
    expect(match(null, "x.y.a.example")).toMatchObject({ organizationId: CUSTOMER, reason: "domain" });
    expect(match(null, "a.example")).toMatchObject({ organizationId: CUSTOMER, reason: "domain" });
    expect(match("198.18.1.17", "owa.a.example")).toMatchObject({ organizationId: CUSTOMER, reason: "domain" });
    expect(match(null, "nota.example").organizationId).toBeNull();
    expect(match(null, "example").organizationId).toBeNull();
  });

  it("puts a manual assignment before everything", () => {
    expect(match("198.18.1.20", "mail.a.example")).toMatchObject({ organizationId: MANUAL, reason: "manual" });
    expect(match("192.0.2.1", "owa.b.example")).toMatchObject({ organizationId: MANUAL, reason: "manual" });
    expect(match("198.18.1.21")).toMatchObject({ organizationId: CUSTOMER, reason: "network" });
  });

  it("matches by the row's ASN when no network contains the ip", () => {
    const r = match("203.0.113.9", null, 64512);
    expect(r).toMatchObject({ organizationId: ISP, reason: "asn" });
    expect(r.candidates).toEqual([{ organizationId: ISP, reason: "asn", detail: "AS64512" }]);
    expect(match("203.0.113.9", null, 65000).organizationId).toBeNull();
  });

  it("matches IPv6 by longest prefix through nested /32, /48 and /64", () => {
    expect(match("2001:db8:5:1::25")).toMatchObject({ organizationId: HOSTED, reason: "network" });
    expect(match("2001:db8:5:2::25")).toMatchObject({ organizationId: CUSTOMER, reason: "network" });
    const r = match("2001:db8:6::1");
    expect(r).toMatchObject({ organizationId: V6 });
    expect(r.candidates).toHaveLength(1);
    expect(match("2001:db9::1").organizationId).toBeNull();
    expect(match("::ffff:198.18.1.17").organizationId).toBe(CUSTOMER);
  });

  it("gives a network registered by two organizations to the earlier one and keeps the other as candidate", () => {
    const r = match("198.51.100.7");
    expect(r.organizationId).toBe(CUSTOMER);
    expect(r.candidates.map((c) => c.organizationId)).toEqual([CUSTOMER, TWIN]);
  });
});

describe("the in-place path's matchV4", () => {
  it("answers every IPv4 address, hostname and ASN with the very result match gives", () => {
    const quad = (a: number) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
    let s = 7;
    const next = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const hostnames = [null, "a.example", "mail.a.example", "owa.b.example", "x.c.example"];
    const asns = [null, 64512, 64513];
    for (let k = 0; k < 5000; k++) {
      // Around the registered blocks (and the manual 198.18.1.20), and anywhere at all.
      const a = k % 5 === 0 ? next(2 ** 32) : ((198 << 24) | (18 << 16) | next(1 << 13)) >>> 0;
      const hostname = hostnames[next(hostnames.length)]!;
      const asn = asns[next(asns.length)]!;
      expect(m.matchV4(a, hostname, asn), `${quad(a)} ${hostname} ${asn}`).toBe(match(quad(a), hostname, asn));
    }
    expect(m.matchV4((198 << 24) | (18 << 16) | (1 << 8) | 20, null, null)).toMatchObject({ organizationId: MANUAL });
  });
});

describe("prefix trie", () => {
  it("returns every containing prefix, longest first, and a default route", () => {
    const t = new PrefixTrie();
    const add = (s: string, id: number) => {
      const c = parseCidr(s);
      if (!c.ok) throw new Error(c.message);
      t.insert(c.cidr.bytes, c.cidr.bits, c.cidr.version, id);
    };
    add("0.0.0.0/0", 0);
    add("10.0.0.0/8", 1);
    add("10.1.0.0/16", 2);
    add("10.1.2.3/32", 3);
    add("::/0", 4);
    expect(t.lookupAll(parseIp("10.1.2.3")!)).toEqual([3, 2, 1, 0]);
    expect(t.lookupAll(parseIp("10.2.0.1")!)).toEqual([1, 0]);
    expect(t.lookupLongest(parseIp("11.0.0.1")!)).toBe(0);
    expect(t.lookupLongest(parseIp("2001:db8::1")!)).toBe(4);
  });

  it("agrees with a scan of every prefix, for thousands of random prefixes and addresses", () => {
    let seed = 7;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const quad = (a: number) => `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
    // Clustered in 198.18.0.0/15 so that prefixes nest, as an ISP's and its customers' do.
    const randomAddress = () => ((198 << 24) | (18 << 16) | next(1 << 17)) >>> 0;
    const t = new PrefixTrie();
    const prefixes: { base: number; bits: number }[] = [];
    const seen = new Set<string>();
    while (prefixes.length < 3000) {
      const bits = 12 + next(21);
      const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
      const base = (randomAddress() & mask) >>> 0;
      if (seen.has(`${base}/${bits}`)) continue;
      seen.add(`${base}/${bits}`);
      const c = parseCidr(`${quad(base)}/${bits}`);
      if (!c.ok) throw new Error(c.message);
      t.insert(c.cidr.bytes, c.cidr.bits, 4, prefixes.length);
      prefixes.push({ base, bits });
    }
    for (let k = 0; k < 2000; k++) {
      const a = randomAddress();
      // The reference is a plain scan; a loop, not map/filter/sort over copies, so it stays well inside the
      // test timeout on a loaded machine.
      const expected: number[] = [];
      for (let id = 0; id < prefixes.length; id++) {
        const p = prefixes[id]!;
        if (p.bits === 0 || a >>> (32 - p.bits) === p.base >>> (32 - p.bits)) expected.push(id);
      }
      expected.sort((x, y) => prefixes[y]!.bits - prefixes[x]!.bits);
      expect(t.lookupAll(parseIp(quad(a))!), quad(a)).toEqual(expected);
      expect(t.lookupV4(a)).toBe(expected[0] ?? -1);
    }
  });
});

describe("addresses", () => {
  it("normalises IPv4, IPv6 and folds IPv4-mapped addresses", () => {
    expect(parseIp(" 198.18.0.1 ")?.text).toBe("198.18.0.1");
    expect(parseIp("2001:DB8:0:0:0:0:0:1")?.text).toBe("2001:db8::1");
    expect(parseIp("[2001:db8::1]")?.text).toBe("2001:db8::1");
    expect(parseIp("::ffff:198.18.0.1")).toMatchObject({ version: 4, text: "198.18.0.1" });
    for (const bad of [
      "1.2.3",
      "010.1.1.1",
      "0x7f.1.1.1",
      "256.1.1.1",
      "1.2.3.4.5",
      "fe80::1%eth0",
      "mail.example",
      "",
    ]) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });

  it("refuses a network with host bits set and names the network meant", () => {
    expect(parseCidr("198.18.0.0/15")).toMatchObject({ ok: true, cidr: { text: "198.18.0.0/15" } });
    expect(parseCidr("2001:DB8::/32")).toMatchObject({ ok: true, cidr: { text: "2001:db8::/32" } });
    expect(parseCidr("198.18.0.5/20")).toEqual({
      ok: false,
      message: "'198.18.0.5/20' has host bits set; the network is 198.18.0.0/20",
    });
    expect(parseCidr("198.18.0.0/33").ok).toBe(false);
    expect(parseCidr("nope/8").ok).toBe(false);
  });
});

describe("building in turns", () => {
  it("matches as the one built straight through, and lets the event loop run while it builds", async () => {
    // 100,000 networks of one /24 each, every tenth of another organization.
    const networks = Array.from({ length: 100_000 }, (_, i) => ({
      organizationId: i % 10 === 0 ? ISP : CUSTOMER,
      cidr: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}/32`,
    }));
    const big: RegistrySnapshot = { ...registry, networks: [...registry.networks, ...networks] };
    let turns = 0;
    let ticking = true;
    const tick = () => {
      if (!ticking) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const inTurns = await buildMatcherInTurns(big);
    ticking = false;
    expect(turns).toBeGreaterThanOrEqual(5);
    const straight = buildMatcher(big);
    for (const ip of ["10.0.0.0", "10.1.134.159", "198.18.1.17", "2001:db8:5:1::1", "203.0.113.1"]) {
      const row = { ip: parseIp(ip), hostname: "owa.mail.a.example", asn: 64512 };
      expect(inTurns.match(row), ip).toEqual(straight.match(row));
    }
  });
});
