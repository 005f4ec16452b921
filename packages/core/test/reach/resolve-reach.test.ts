import { describe, expect, it } from "vitest";
import { deserialize, serialize } from "node:v8";
import { asnRows, forEachV4Prefix, parseIp, prefixRows, ReachLookup, type ReachData } from "../../src/index.ts";
import { importDump, inetnum, obj, org, role } from "./helpers.ts";

const mailboxAt = (lookup: ReachLookup, ip: string) => lookup.lookup(parseIp(ip)!)?.mailbox ?? null;
const v4 = (s: string) => s.split(".").reduce((n, p) => n * 256 + Number(p), 0);
const text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

describe("abuse contact resolution", () => {
  const roles =
    role("AB1-RIPE", "abuse@lir.example") +
    role("AB2-RIPE", "Abuse@Customer.example") +
    role("AB3-RIPE", "noc@hoster.example");
  const orgs = org("ORG-LIR1-RIPE", "AB1-RIPE") + org("ORG-HOST1-RIPE", "AB3-RIPE") + org("ORG-NONE1-RIPE");

  it("takes a range's own abuse-c, else its org's, else the nearest less specific range's", () => {
    const { lookup, data } = importDump({
      // Ranges first, roles and organisations after: files are read in any order.
      "ripe.db.inetnum":
        inetnum("198.18.0.0 - 198.18.15.255", { org: "ORG-LIR1-RIPE" }) +
        inetnum("198.18.1.0 - 198.18.1.255", {}) +
        inetnum("198.18.1.64 - 198.18.1.127", { abuseC: "AB2-RIPE", org: "ORG-HOST1-RIPE" }) +
        inetnum("198.18.1.96 - 198.18.1.103", {}) +
        inetnum("198.18.2.0 - 198.18.2.255", { org: "ORG-HOST1-RIPE" }) +
        inetnum("198.18.3.0 - 198.18.3.255", { org: "ORG-NONE1-RIPE" }) +
        inetnum("198.51.100.0 - 198.51.100.255", {}),
      "ripe.db.role": roles,
      "ripe.db.organisation": orgs,
    });
    expect(mailboxAt(lookup, "198.18.0.1")).toBe("abuse@lir.example"); // its org's abuse-c
    expect(mailboxAt(lookup, "198.18.1.1")).toBe("abuse@lir.example"); // inherited from the allocation
    expect(mailboxAt(lookup, "198.18.1.70")).toBe("abuse@customer.example"); // own abuse-c beats its org
    expect(mailboxAt(lookup, "198.18.1.100")).toBe("abuse@customer.example"); // inherited from the nearest
    expect(mailboxAt(lookup, "198.18.1.128")).toBe("abuse@lir.example");
    expect(mailboxAt(lookup, "198.18.2.9")).toBe("noc@hoster.example");
    expect(mailboxAt(lookup, "198.18.3.9")).toBe("abuse@lir.example"); // org without abuse-c: inherits
    expect(mailboxAt(lookup, "198.51.100.1")).toBeNull();
    expect(mailboxAt(lookup, "203.0.113.1")).toBeNull();
    expect(data.report.inetnum).toEqual({ read: 7, inScope: 7, withContact: 3, inherited: 3, without: 1 });
    expect(lookup.lookup(parseIp("198.18.1.70")!)).toEqual({
      mailbox: "abuse@customer.example",
      kind: "inetnum",
      source: "198.18.1.64 - 198.18.1.127",
      name: "NET-198.18.1.64",
      role: "AB2-RIPE",
      org: null,
      orgName: null,
    });
    expect(lookup.lookup(parseIp("198.18.1.1")!)).toMatchObject({
      source: "198.18.0.0 - 198.18.15.255",
      role: "AB1-RIPE",
      org: "ORG-LIR1-RIPE",
      orgName: "Org ORG-LIR1-RIPE",
    });
  });

  it("writes a range that is not CIDR-aligned as its minimal prefix list", () => {
    const cut = (a: string, b: string) => {
      const out: string[] = [];
      forEachV4Prefix(v4(a), v4(b), (s, bits) => out.push(`${text(s)}/${bits}`));
      return out;
    };
    expect(cut("192.0.2.0", "192.0.3.127")).toEqual(["192.0.2.0/24", "192.0.3.0/25"]);
    expect(cut("192.0.2.1", "192.0.2.6")).toEqual(["192.0.2.1/32", "192.0.2.2/31", "192.0.2.4/31", "192.0.2.6/32"]);
    expect(cut("0.0.0.0", "255.255.255.255")).toEqual(["0.0.0.0/0"]);
    expect(cut("128.0.0.0", "255.255.255.255")).toEqual(["128.0.0.0/1"]);
    expect(cut("198.18.0.5", "198.18.0.5")).toEqual(["198.18.0.5/32"]);
    expect(cut("255.255.255.254", "255.255.255.255")).toEqual(["255.255.255.254/31"]);

    const { lookup, data } = importDump({
      a:
        inetnum("192.0.2.0 - 192.0.3.127", { abuseC: "AB1-RIPE" }) +
        inetnum("198.18.0.3 - 198.18.0.12", { abuseC: "AB2-RIPE" }),
      b: roles,
    });
    expect([...prefixRows(data)].map((r) => r.cidr)).toEqual([
      "192.0.2.0/24",
      "192.0.3.0/25",
      "198.18.0.3/32",
      "198.18.0.4/30",
      "198.18.0.8/30",
      "198.18.0.12/32",
    ]);
    expect(mailboxAt(lookup, "192.0.3.127")).toBe("abuse@lir.example");
    expect(mailboxAt(lookup, "192.0.3.128")).toBeNull();
    expect(mailboxAt(lookup, "198.18.0.2")).toBeNull();
    expect(mailboxAt(lookup, "198.18.0.3")).toBe("abuse@customer.example");
    expect(mailboxAt(lookup, "198.18.0.12")).toBe("abuse@customer.example");
    expect(mailboxAt(lookup, "198.18.0.13")).toBeNull();
  });

  it("gives a prefix two ranges share to the more specific range", () => {
    // 192.0.2.0/24 is a piece of both ranges; the smaller one's contact answers for it.
    const { lookup, data } = importDump({
      a:
        inetnum("192.0.2.0 - 192.0.3.127", { abuseC: "AB1-RIPE" }) +
        inetnum("192.0.2.0 - 192.0.2.255", { abuseC: "AB2-RIPE" }),
      b: roles,
    });
    expect(mailboxAt(lookup, "192.0.2.200")).toBe("abuse@customer.example");
    expect(mailboxAt(lookup, "192.0.3.1")).toBe("abuse@lir.example");
    expect([...prefixRows(data)].map((r) => `${r.cidr} ${r.mailbox}`)).toEqual([
      "192.0.2.0/24 abuse@customer.example",
      "192.0.3.0/25 abuse@lir.example",
    ]);
  });

  it("matches a brute-force walk up the range tree for random nested ranges", () => {
    // Longest prefix over only the ranges with a contact of their own = nearest less specific range with
    // one: checked against the definition on random hierarchies with non-aligned ranges.
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const ranges: { first: number; last: number; mailbox: string | null }[] = [];
    let files = roles + orgs;
    const contactOf = () => {
      const r = rnd();
      if (r < 0.25) return { abuseC: "AB2-RIPE", mailbox: "abuse@customer.example" };
      if (r < 0.4) return { org: "ORG-HOST1-RIPE", mailbox: "noc@hoster.example" };
      if (r < 0.45) return { org: "ORG-NONE1-RIPE", mailbox: null };
      return { mailbox: null };
    };
    const grow = (first: number, last: number, depth: number) => {
      const c = contactOf();
      ranges.push({ first, last, mailbox: c.mailbox });
      files += inetnum(`${text(first)} - ${text(last)}`, c);
      if (depth === 4) return;
      let at = first;
      while (at < last) {
        const size = 1 + Math.floor(rnd() * ((last - first) / 3));
        const start = at + Math.floor(rnd() * 8);
        const end = Math.min(last, start + size);
        if (start > end || (start === first && end === last)) break;
        grow(start, end, depth + 1);
        at = end + 1 + Math.floor(rnd() * 4);
      }
    };
    grow(v4("198.18.0.0"), v4("198.18.3.255"), 0);
    grow(v4("198.18.8.7"), v4("198.18.9.200"), 1);
    const { lookup } = importDump({ all: files });
    let checked = 0;
    for (let a = v4("198.18.0.0") - 2; a <= v4("198.18.10.0"); a += 1 + Math.floor(rnd() * 3)) {
      const chain = ranges
        .filter((r) => r.first <= a && a <= r.last)
        .sort((x, y) => x.last - x.first - (y.last - y.first));
      const expected = chain.find((r) => r.mailbox !== null)?.mailbox ?? null;
      expect(mailboxAt(lookup, text(a)), text(a)).toBe(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(ranges.length).toBeGreaterThan(50);
  });

  it("resolves IPv6 prefixes the same way", () => {
    const { lookup, data } = importDump({
      a:
        obj(["inet6num", "2001:db8::/32"], ["country", "NL"], ["org", "ORG-LIR1-RIPE"]) +
        obj(["inet6num", "2001:db8:1::/48"], ["country", "NL"]) +
        obj(["inet6num", "2001:db8:1:100::/56"], ["abuse-c", "AB3-RIPE"], ["netname", "V6-HOSTED"]) +
        obj(["inet6num", "2001:db8:1:101::/64"], ["country", "NL"]),
      b: roles + orgs,
    });
    expect(mailboxAt(lookup, "2001:db8:1:1::1")).toBe("abuse@lir.example");
    expect(mailboxAt(lookup, "2001:db8:1:101::9")).toBe("noc@hoster.example");
    expect(mailboxAt(lookup, "2001:db8:2::1")).toBe("abuse@lir.example");
    expect(mailboxAt(lookup, "2001:db9::1")).toBeNull();
    expect(lookup.lookup(parseIp("2001:db8:1:101::9")!)).toMatchObject({
      kind: "inet6num",
      source: "2001:db8:1:100::/56",
      name: "V6-HOSTED",
    });
    expect(data.report.inet6num).toMatchObject({ withContact: 2, inherited: 2, without: 0 });
  });

  it("resolves an aut-num's abuse-c, else its org's", () => {
    const { lookup, data } = importDump({
      a:
        obj(["aut-num", "AS64496"], ["org", "ORG-LIR1-RIPE"]) +
        obj(["aut-num", "as64497"], ["org", "ORG-LIR1-RIPE"], ["abuse-c", "AB3-RIPE"]) +
        obj(["aut-num", "AS64498"], ["org", "ORG-NONE1-RIPE"]),
      b: roles + orgs,
    });
    expect(lookup.asn(64496)?.mailbox).toBe("abuse@lir.example");
    expect(lookup.asn(64497)).toMatchObject({
      mailbox: "noc@hoster.example",
      kind: "aut-num",
      source: "AS64497",
      org: null,
    });
    expect(lookup.asn(64498)).toBeNull();
    expect([...asnRows(data)].map((r) => `${r.asn} ${r.mailbox}`)).toEqual([
      "64496 abuse@lir.example",
      "64497 noc@hoster.example",
    ]);
    expect(data.report.autNum).toEqual({ read: 3, inScope: 3, withContact: 2, without: 1 });
  });

  it("keeps only the ranges of the listed countries, carrying a contact inherited from outside", () => {
    const files = {
      a:
        inetnum("198.18.0.0 - 198.18.15.255", { org: "ORG-LIR1-RIPE", country: "NL" }) +
        inetnum("198.18.1.0 - 198.18.1.255", { country: "BE" }) + // BE, contact from the NL allocation
        inetnum("198.18.1.0 - 198.18.1.127", { country: "BE" }) + // inside it: covered by it
        inetnum("198.18.2.0 - 198.18.2.255", { country: "LU", abuseC: "AB2-RIPE" }) +
        inetnum("198.18.3.0 - 198.18.3.255", { country: "DE" }) + // out of scope, no contact: dropped as read
        inetnum("198.18.4.0 - 198.18.4.255", { country: "DE", abuseC: "AB3-RIPE" }) +
        inetnum("198.51.100.0 - 198.51.100.255", { country: "BE" }),
      r: roles + orgs,
      asn:
        obj(["aut-num", "AS64496"], ["org", "ORG-LIR1-RIPE"]) + obj(["aut-num", "AS64497"], ["org", "ORG-HOST1-RIPE"]),
    };
    const { lookup, data, collector } = importDump(files, { countries: ["BE", "lu"] });
    expect(mailboxAt(lookup, "198.18.1.9")).toBe("abuse@lir.example");
    expect(mailboxAt(lookup, "198.18.1.200")).toBe("abuse@lir.example");
    expect(mailboxAt(lookup, "198.18.2.9")).toBe("abuse@customer.example");
    expect(mailboxAt(lookup, "198.18.0.9")).toBeNull(); // the NL allocation itself is not kept
    expect(mailboxAt(lookup, "198.18.4.9")).toBeNull();
    expect([...prefixRows(data)].map((r) => `${r.cidr} ${r.source}`)).toEqual([
      "198.18.1.0/24 198.18.0.0 - 198.18.15.255",
      "198.18.2.0/24 198.18.2.0 - 198.18.2.255",
    ]);
    expect(collector.outOfScope).toBe(1);
    expect(data.report.inetnum).toEqual({ read: 6, inScope: 4, withContact: 1, inherited: 2, without: 1 });
    expect(data.report.countries).toEqual(["BE", "LU"]);
    // ASNs: without delegated statistics, those sharing an org with a kept range.
    expect(data.report.asnScope).toBe("org");
    expect([...asnRows(data)].map((r) => r.asn)).toEqual([]);
    const withOrg = importDump(
      { ...files, a: files.a + inetnum("203.0.113.0 - 203.0.113.255", { country: "BE", org: "ORG-HOST1-RIPE" }) },
      { countries: ["BE"] },
    );
    expect([...asnRows(withOrg.data)].map((r) => r.asn)).toEqual([64497]);
    // With delegated statistics: the ASNs delegated to those countries.
    const delegated = importDump(files, { countries: ["BE"], delegatedAsns: [[64496, 64496]] });
    expect(delegated.data.report.asnScope).toBe("delegated");
    expect([...asnRows(delegated.data)].map((r) => r.asn)).toEqual([64496]);
  });

  it("counts malformed objects with file and line, lists the first 100, and dates the dump", () => {
    let bad = "";
    for (let i = 0; i < 150; i++) bad += obj(["inetnum", "198.18.0.300 - 198.18.1.0"]);
    const { data } = importDump({
      "ripe.db.inetnum": bad,
      "ripe.db.role":
        obj(["role", "No handle"], ["abuse-mailbox", "a@b.example"]) +
        obj(
          ["role", "R"],
          ["nic-hdl", "R1-RIPE"],
          ["abuse-mailbox", "not a mailbox"],
          ["last-modified", "2021-03-08T10:00:00Z"],
        ),
      "ripe.db.aut-num": obj(["aut-num", "AS1"], ["last-modified", "2020-01-01T00:00:00Z"]) + obj(["aut-num", "ASX"]),
    });
    expect(data.report.malformed.count).toBe(153);
    expect(data.report.malformed.first).toHaveLength(100);
    expect(data.report.malformed.first[0]).toEqual({
      file: "ripe.db.inetnum",
      line: 1,
      reason: "inetnum '198.18.0.300 - 198.18.1.0' is not an IPv4 range",
    });
    expect(data.report.malformed.first[1]!.line).toBe(3);
    expect(data.report.dumpDate).toBe("2021-03-08T10:00:00Z");
  });

  it("is plain data: a copy made by structured serialisation answers the same", () => {
    const { data, lookup } = importDump({
      a:
        inetnum("192.0.2.0 - 192.0.3.127", { abuseC: "AB1-RIPE" }) +
        obj(["inet6num", "2001:db8::/32"], ["abuse-c", "AB2-RIPE"]),
      b: roles,
    });
    const copy = deserialize(serialize(data)) as ReachData;
    const again = ReachLookup.of(copy);
    for (const ip of ["192.0.2.1", "192.0.3.1", "192.0.3.200", "2001:db8::1"]) {
      expect(again.lookup(parseIp(ip)!)).toEqual(lookup.lookup(parseIp(ip)!));
    }
  });
});
