import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseIp, readRpslStream, ReachLookup, resolveReach, RipeCollector } from "@baken/core";
import { autNumTruth, orgHandle, ripeDump, RIPE_DUMP_NEWEST, type RangeTruth } from "../src/index.ts";

const SIZES = { inetnum: 1500, inet6num: 600, autNum: 40, organisation: 60, role: 50 };
const v4 = (s: string) => s.split(".").reduce((n, p) => n * 256 + Number(p), 0);
const text = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

function build(seed = 2021) {
  const ranges: RangeTruth[] = [];
  const malformed: string[] = [];
  const files = ripeDump({
    ...SIZES,
    seed,
    onRange: (r) => ranges.push(r),
    onMalformed: (file, line) => malformed.push(`${file}:${line}`),
  }).map((f) => ({ name: f.name, bytes: Buffer.concat([...f.chunks()]) }));
  return { files, ranges, malformed };
}

async function* chunked(bytes: Buffer, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

describe("the synthetic RIPE dump", () => {
  const { files, ranges, malformed } = build();

  it("is written in RIPE's split-file format, from reserved address space and .example mailboxes only", () => {
    expect(files.map((f) => f.name)).toEqual([
      "ripe.db.inetnum",
      "ripe.db.inet6num",
      "ripe.db.aut-num",
      "ripe.db.organisation",
      "ripe.db.role",
      "ripe.db.person",
    ]);
    for (const f of files) {
      const t = f.bytes.toString("latin1");
      expect(
        t.startsWith("#\n# The contents of this file are subject to \n# RIPE Database Terms and Conditions\n#\n"),
      ).toBe(true);
      expect(t).toMatch(/\n\n[a-z0-9-]+: {2,}\S/);
    }
    const inetnum = files[0]!.bytes.toString("latin1");
    expect(inetnum).toContain("\ninetnum:        198.18.0.0 - 198.18.7.255\nnetname:        ");
    for (const attribute of [
      "netname",
      "descr",
      "country",
      "admin-c",
      "tech-c",
      "status",
      "mnt-by",
      "created",
      "last-modified",
      "source",
      "org",
      "abuse-c",
      "remarks",
    ]) {
      expect(inetnum).toContain(`\n${attribute}:`.padEnd(attribute.length + 2));
    }
    const reserved = [
      ["198.18.0.0", "198.19.255.255"],
      ["192.0.2.0", "192.0.2.255"],
      ["198.51.100.0", "198.51.100.255"],
      ["203.0.113.0", "203.0.113.255"],
    ].map(([a, b]) => [v4(a!), v4(b!)]);
    for (const r of ranges) {
      if (r.family === 4)
        expect(
          reserved.some(([a, b]) => r.first >= a! && r.last <= b!),
          `${text(r.first)}`,
        ).toBe(true);
      else expect(r.prefix.startsWith("2001:db8:")).toBe(true);
      if (r.mailbox) expect(r.mailbox).toMatch(/@[a-z0-9-]+\.example$/);
    }
    expect(new Set(ranges.map((r) => r.mailbox === null)).size).toBe(2); // ranges without any contact too
    for (let i = 0; i < SIZES.autNum; i++) expect(autNumTruth(SIZES, i).asn).toBeGreaterThanOrEqual(4_200_000_000);
    const all = files.map((f) => f.bytes.toString("latin1")).join("");
    for (const m of all.matchAll(/@[A-Za-z0-9.-]+/g)) expect(m[0].toLowerCase()).toMatch(/\.example$/);
  });

  it("is the same for the same seed, and another for another seed", () => {
    const hash = (fs: { bytes: Buffer }[]) =>
      createHash("sha256")
        .update(Buffer.concat(fs.map((f) => f.bytes)))
        .digest("hex");
    expect(hash(build().files)).toBe(hash(files));
    expect(hash(build(7).files)).not.toBe(hash(files));
  });

  it("reads back, gzipped, in any order and chunking, to the contact each range must have", async () => {
    const collector = new RipeCollector();
    for (const f of [...files].reverse()) {
      const bytes = f.name === "ripe.db.inetnum" ? gzipSync(f.bytes) : f.bytes;
      await readRpslStream(chunked(bytes, 997), collector.reader(f.name));
    }
    // Latin-1 and UTF-8 names, a name continued on a `+` line.
    expect(collector.orgNames.get(collector.handle(orgHandle(5)))).toBe("Société Générale des Réseaux 5");
    expect(collector.orgNames.get(collector.handle(orgHandle(46)))).toBe("Müller Netzwerke 46");
    expect(collector.orgNames.get(collector.handle(orgHandle(3)))).toBe("Meuse Datacenter 3");

    const data = resolveReach(collector);
    expect(data.report.dumpDate).toBe(RIPE_DUMP_NEWEST);
    expect(data.report.malformed.first.map((m) => `${m.file}:${m.line}`).sort()).toEqual([...malformed].sort());
    expect(data.report.objects).toEqual({
      inetnum: SIZES.inetnum,
      inet6num: SIZES.inet6num,
      "aut-num": SIZES.autNum,
      organisation: SIZES.organisation,
      role: SIZES.role,
      person: 1,
    });
    const v4Ranges = ranges.filter((r): r is Extract<RangeTruth, { family: 4 }> => r.family === 4);
    expect(data.report.inetnum).toMatchObject({
      read: SIZES.inetnum,
      withContact: v4Ranges.filter((r) => r.own).length,
      without: v4Ranges.filter((r) => r.mailbox === null).length,
    });

    const lookup = ReachLookup.of(data);
    // The answer for an address: the most specific range containing it, as the builder meant it.
    const bySize = [...v4Ranges].sort((a, b) => a.last - a.first - (b.last - b.first));
    const probes = new Set<number>();
    for (const r of v4Ranges) for (const a of [r.first, r.last, (r.first + r.last) >>> 1, r.last + 1]) probes.add(a);
    for (const a of probes) {
      const expected = bySize.find((r) => r.first <= a && a <= r.last)?.mailbox ?? null;
      expect(lookup.lookupV4(a)?.mailbox ?? null, text(a)).toBe(expected);
    }
    for (const r of ranges) {
      if (r.family !== 6) continue;
      const inside = parseIp(r.prefix.replace(/\/\d+$/, "").replace(/::$/, "::1"))!;
      if (r.prefix.endsWith("/56")) expect(lookup.lookup(inside)?.mailbox ?? null, r.prefix).toBe(r.mailbox);
    }
    for (let i = 0; i < SIZES.autNum; i++) {
      const t = autNumTruth(SIZES, i);
      expect(lookup.asn(t.asn)?.mailbox ?? null).toBe(t.mailbox);
    }
  });
});
