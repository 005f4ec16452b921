import { describe, expect, it } from "vitest";
import {
  asnRows,
  mailboxCountryRows,
  prefixRows,
  ReachStream,
  RipeCollector,
  type CollectOptions,
  type ReachPrefixRow,
  type ReadRange,
  type ResolveOptions,
} from "../../src/index.ts";
import { importDump, inetnum, obj, org, role } from "./helpers.ts";

const text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

/** The dump read with a `ranges` sink, the ranges sorted as the import's database does, then streamed. */
function streamDump(files: Record<string, string>, options: CollectOptions & ResolveOptions = {}) {
  const ranges: { family: 4 | 6; r: ReadRange; seq: number }[] = [];
  const collector = new RipeCollector({
    ...options,
    ranges: (family, r) => ranges.push({ family, r: { ...r, words: Array.from(r.words) }, seq: ranges.length }),
  });
  for (const [name, t] of Object.entries(files)) {
    const reader = collector.reader(name);
    reader.push(Buffer.from(t, "latin1"));
    reader.end();
  }
  const rows: ReachPrefixRow[] = [];
  const stream = new ReachStream(collector, options, (row) => rows.push(row));
  for (const family of [6, 4] as const) {
    const sorted = ranges
      .filter((x) => x.family === family)
      .sort((a, b) => {
        for (let k = 0; k < a.r.words.length; k++)
          if (a.r.words[k] !== b.r.words[k]) return a.r.words[k]! - b.r.words[k]!;
        return (family === 4 ? b.r.last - a.r.last : a.r.last - b.r.last) || a.seq - b.seq;
      });
    const f = stream.family(family);
    for (const { r } of sorted)
      f.range({ ...r, inScope: collector.inScope(r.countries), country: r.countries[0] ?? 0 });
    f.end();
  }
  const asns = stream.asnRows();
  return { rows, asns, report: stream.report(), countries: [...stream.mailboxCountries()], held: ranges.length };
}

const byCidr = (rows: ReachPrefixRow[]) => [...rows].sort((a, b) => (a.cidr < b.cidr ? -1 : a.cidr > b.cidr ? 1 : 0));

describe("ReachStream: resolving ranges sorted elsewhere", () => {
  const roles = role("AB1-RIPE", "abuse@lir.example") + role("AB2-RIPE", "abuse@customer.example");
  const orgs = org("ORG-LIR1-RIPE", "AB1-RIPE") + org("ORG-NONE1-RIPE");

  /** Random nested ranges, not aligned, some sharing prefixes, some repeated, with a country each. */
  function randomDump(seed: number) {
    const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    let out = "";
    const contact = () => {
      const r = rnd();
      if (r < 0.25) return { abuseC: "AB2-RIPE" };
      if (r < 0.4) return { org: "ORG-LIR1-RIPE" };
      if (r < 0.45) return { org: "ORG-NONE1-RIPE" };
      return {};
    };
    const grow = (first: number, last: number, depth: number) => {
      const country = rnd() < 0.7 ? "BE" : "NL";
      out += inetnum(`${text(first)} - ${text(last)}`, { ...contact(), country, netname: `N${first}-${last}` });
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
    grow(0xc6120000, 0xc61203ff, 0);
    grow(0xc6120807, 0xc61209c8, 1);
    return out;
  }
  const v6 =
    obj(["inet6num", "2001:db8::/32"], ["country", "NL"], ["org", "ORG-LIR1-RIPE"]) +
    obj(["inet6num", "2001:db8:1::/48"], ["country", "BE"]) +
    obj(["inet6num", "2001:db8:1:100::/56"], ["abuse-c", "AB2-RIPE"], ["country", "BE"], ["netname", "V6"]) +
    obj(["inet6num", "2001:db8:1:100::/56"], ["abuse-c", "AB1-RIPE"], ["country", "BE"]) +
    obj(["inet6num", "2001:db8:2::/48"], ["country", "BE"]);
  const asn =
    obj(["aut-num", "AS64496"], ["org", "ORG-LIR1-RIPE"]) + obj(["aut-num", "AS64497"], ["abuse-c", "AB2-RIPE"]);

  for (const options of [{}, { countries: ["BE"] }] as (CollectOptions & ResolveOptions)[]) {
    it(`writes the rows and report resolveReach makes, each prefix once (${JSON.stringify(options)})`, () => {
      for (const seed of [1, 2, 3]) {
        const files = { a: randomDump(seed), b: v6, r: roles + orgs, s: asn };
        const held = importDump(files, options);
        const streamed = streamDump(files, options);
        expect(byCidr(streamed.rows)).toEqual(byCidr([...prefixRows(held.data)]));
        expect(new Set(streamed.rows.map((r) => r.cidr)).size).toBe(streamed.rows.length);
        expect(streamed.asns).toEqual([...asnRows(held.data)]);
        expect(streamed.report).toEqual(held.data.report);
        expect(streamed.countries).toEqual([...mailboxCountryRows(held.data)]);
        expect(streamed.countries.length).toBeGreaterThan(0);
        expect(streamed.rows.length).toBeGreaterThan(20);
      }
    });
  }

  it("keeps no range in the collector when they go to a sink", () => {
    const s = streamDump({ a: randomDump(9), r: roles + orgs });
    expect(s.held).toBeGreaterThan(50);
    const collector = new RipeCollector({ ranges: () => {} });
    const reader = collector.reader("a");
    reader.push(Buffer.from(randomDump(9), "latin1"));
    reader.end();
    expect([collector.v4.size, collector.v6.size, collector.objects.inetnum]).toEqual([0, 0, s.held]);
  });
});
