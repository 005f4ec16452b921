// The process bench:ripe measures (bundled, as the worker runs): reads a generated RIPE dump as the
// import will, resolves it, walks the rows a COPY would write, loads the lookup and times lookups.
// Prints one JSON line. Arguments: <dir> <lookups> [--countries BE,LU] [--trie].
import {
  delegatedAsns,
  PrefixTrie,
  prefixRows,
  asnRows,
  ReachLookup,
  gunzipIfNeeded,
  resolveReach,
  RipeCollector,
} from "@baken/core";
import { createReadStream, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const [dir, lookupsText] = process.argv.slice(2);
const LOOKUPS = Number(lookupsText);
const countriesAt = process.argv.indexOf("--countries");
const countries = countriesAt > 0 ? process.argv[countriesAt + 1]!.split(",") : null;
const mib = () => process.resourceUsage().maxRSS / 1024;

const t0 = performance.now();
const collector = new RipeCollector({ countries });
let bytes = 0;
for (const name of readdirSync(dir!)
  .filter((f) => f.startsWith("ripe.db."))
  .sort()) {
  const reader = collector.reader(name.replace(/\.gz$/, ""));
  for await (const chunk of gunzipIfNeeded(createReadStream(join(dir!, name), { highWaterMark: 1 << 20 }))) {
    bytes += chunk.length;
    reader.push(chunk);
  }
  reader.end();
}
const tRead = performance.now();
const delegatedFile = join(dir!, "delegated-ripencc-latest");
const delegated =
  countries && existsSync(delegatedFile) ? delegatedAsns(readFileSync(delegatedFile, "utf8"), countries) : null;
const data = resolveReach(collector, { delegatedAsns: delegated });
const tResolve = performance.now();
const resolveRss = mib();
let rows = 0;
for (const row of prefixRows(data)) rows += row.cidr.length > 0 ? 1 : 0;
for (const _ of asnRows(data)) rows++;
const tRows = performance.now();
const importRss = mib();

const lookup = ReachLookup.of(data);
const tLoad = performance.now();
const loadRss = mib();

// Addresses drawn over the generated IPv4 space (the first allocation's /8 onwards) and all of IPv4.
const space = data.v4.prefixes.start;
const lo = space.length ? space[0]! : 0;
const hi = space.length ? space[space.length - 1]! : 2 ** 32 - 1;
let state = 42;
const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const addresses = new Uint32Array(LOOKUPS);
for (let i = 0; i < LOOKUPS; i++)
  addresses[i] = i % 10 === 9 ? Math.floor(rnd() * 2 ** 32) : lo + Math.floor(rnd() * (hi - lo));
function rate(fn: () => number) {
  fn();
  let best = Infinity;
  let hits = 0;
  for (let pass = 0; pass < 3; pass++) {
    const s = performance.now();
    hits = fn();
    best = Math.min(best, (performance.now() - s) / 1000);
  }
  return { perSecond: LOOKUPS / best, hits };
}
const prefixLookup = rate(() => {
  let hits = 0;
  for (let i = 0; i < LOOKUPS; i++) if (lookup.prefixes.lookupV4(addresses[i]!) >= 0) hits++;
  return hits;
});
const answerLookup = rate(() => {
  let hits = 0;
  for (let i = 0; i < LOOKUPS; i++) if (lookup.lookupV4(addresses[i]!) !== null) hits++;
  return hits;
});

let trie: { buildMs: number; rssMiB: number; perSecond: number } | null = null;
if (process.argv.includes("--trie")) {
  const before = process.memoryUsage().rss;
  const s = performance.now();
  const t = new PrefixTrie();
  const p = data.v4.prefixes;
  for (let i = 0; i < p.start.length; i++) {
    const a = p.start[i]!;
    t.insert([a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255], p.bits[i]!, 4, p.source[i]!);
  }
  t.lookupV4(0);
  const buildMs = performance.now() - s;
  const r = rate(() => {
    let hits = 0;
    for (let i = 0; i < LOOKUPS; i++) if (t.lookupV4(addresses[i]!) >= 0) hits++;
    return hits;
  });
  trie = { buildMs, rssMiB: (process.memoryUsage().rss - before) / 2 ** 20, perSecond: r.perSecond };
}

console.log(
  JSON.stringify({
    bytes,
    readMs: tRead - t0,
    resolveMs: tResolve - tRead,
    rowsMs: tRows - tResolve,
    rows,
    resolveRssMiB: resolveRss,
    importRssMiB: importRss,
    loadMs: tLoad - tRows,
    loadRssMiB: loadRss,
    intervals: lookup.prefixes.size,
    prefixLookup,
    answerLookup,
    trie,
    report: data.report,
  }),
);
