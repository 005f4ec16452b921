// npm run bench:ripe [-- --scale 1 --seed 2021 --plain --countries BE,LU --lookups 1000000 --trie]
// Generates a synthetic RIPE dump (@baken/testing's ripeDump: RIPE's split files, gzipped as RIPE publishes
// them unless --plain; at --scale 1 the real size, 4.5 M inetnum, 1.3 M inet6num, 40 k aut-num, 100 k
// organisation, 100 k role objects) into .bench/, reused by later runs, then imports it in a child process
// bundled as the worker is (@baken/core: read, resolve, every row a COPY would write, the lookup loaded)
// and prints time, objects/s, the child's peak RSS and the lookup rate. --trie also loads the matcher's
// PrefixTrie with the same prefixes, for comparison.
import { delegatedStats, ripeDump, RIPE_REAL_SIZE } from "@baken/testing";
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { arg } from "./support.ts";

const SCALE = arg("scale", 1);
const SEED = arg("seed", 2021);
const LOOKUPS = arg("lookups", 1_000_000);
const GZIP = !process.argv.includes("--plain");
const countriesAt = process.argv.indexOf("--countries");
const COUNTRIES = countriesAt > 0 ? process.argv[countriesAt + 1]! : null;
const sizes = {
  inetnum: Math.round(RIPE_REAL_SIZE.inetnum * SCALE),
  inet6num: Math.round(RIPE_REAL_SIZE.inet6num * SCALE),
  autNum: Math.round(RIPE_REAL_SIZE.autNum * SCALE),
  organisation: Math.max(1, Math.round(RIPE_REAL_SIZE.organisation * SCALE)),
  role: Math.max(1, Math.round(RIPE_REAL_SIZE.role * SCALE)),
};
const dir = join(".bench", `ripe-${SCALE}-${SEED}${GZIP ? "-gz" : ""}`);
const done = join(dir, ".complete");

if (!existsSync(done)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const start = performance.now();
  // 240.0.0.0/4 holds the real size; the documentation ranges only a few thousand inetnums.
  const space = sizes.inetnum > 2000 ? "class-e" : "documentation";
  for (const file of ripeDump({ ...sizes, seed: SEED, space })) {
    const out = join(dir, file.name + (GZIP ? ".gz" : ""));
    const source = Readable.from(file.chunks(), { objectMode: false });
    if (GZIP) await pipeline(source, createGzip({ level: 1 }), createWriteStream(out));
    else await pipeline(source, createWriteStream(out));
  }
  writeFileSync(join(dir, "delegated-ripencc-latest"), delegatedStats(sizes));
  writeFileSync(done, "");
  console.log(`generated ${dir} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}
const onDisk = readdirSync(dir)
  .filter((f) => f.startsWith("ripe.db."))
  .reduce((n, f) => n + statSync(join(dir, f)).size, 0);

// The child runs as a bundle, as the worker does (tsx's loader alone keeps ~55 MiB).
const bundle = join(".bench", "ripe-import.mjs");
await build({
  entryPoints: ["bench/lib/ripe-import.ts"],
  outfile: bundle,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  plugins: [
    {
      name: "external-dependencies",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (a) =>
          a.path.startsWith("@baken/") ? undefined : { path: a.path, external: true },
        );
      },
    },
  ],
});

const loadBefore = loadavg()[0]!;
const started = performance.now();
const child = spawnSync(
  process.execPath,
  [
    bundle,
    dir,
    String(LOOKUPS),
    ...(COUNTRIES ? ["--countries", COUNTRIES] : []),
    ...(process.argv.includes("--trie") ? ["--trie"] : []),
  ],
  { encoding: "utf8", maxBuffer: 64 << 20 },
);
const wallS = (performance.now() - started) / 1000;
if (child.status !== 0) {
  console.error(child.stderr);
  process.exit(1);
}
const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!);
const objects = Object.values(r.report.objects as Record<string, number>).reduce((a, b) => a + b, 0);
const importS = (r.readMs + r.resolveMs) / 1000;
const f = (n: number, d = 1) => n.toFixed(d);
console.log(
  `dump: ${dir}, ${f(r.bytes / 2 ** 20, 0)} MiB read (${f(onDisk / 2 ** 20, 0)} MiB on disk), ${objects} objects`,
);
console.log(`load average: ${f(loadBefore, 2)} before, ${f(loadavg()[0]!, 2)} after (2 cores, shared)`);
console.log(`read + parse   ${f(r.readMs / 1000)} s   ${f(objects / (r.readMs / 1000) / 1000, 0)} k objects/s`);
console.log(`resolve        ${f(r.resolveMs / 1000)} s`);
console.log(`import total   ${f(importS)} s   (target < 180 s)`);
console.log(`rows for COPY  ${r.rows} in ${f(r.rowsMs / 1000)} s`);
console.log(
  `peak RSS       ${f(r.resolveRssMiB, 0)} MiB read and resolved, ${f(r.importRssMiB, 0)} MiB after the rows, ${f(r.loadRssMiB, 0)} MiB with the lookup loaded (target < 400 MiB)`,
);
console.log(`lookup load    ${f(r.loadMs / 1000, 2)} s, ${r.intervals.v4} IPv4 + ${r.intervals.v6} IPv6 intervals`);
console.log(
  `lookups        ${f(r.prefixLookup.perSecond / 1e6, 2)} M/s prefix map, ${f(r.answerLookup.perSecond / 1e6, 2)} M/s with the answer (target >= 1 M/s); ${r.answerLookup.hits} of ${LOOKUPS} hit`,
);
if (r.trie) {
  console.log(
    `PrefixTrie     built in ${f(r.trie.buildMs / 1000, 2)} s, +${f(r.trie.rssMiB, 0)} MiB RSS, ${f(r.trie.perSecond / 1e6, 2)} M lookups/s`,
  );
}
console.log(`child wall     ${f(wallS)} s`);
console.log(
  JSON.stringify({
    counts: { inetnum: r.report.inetnum, inet6num: r.report.inet6num, autNum: r.report.autNum },
    malformed: r.report.malformed.count,
    dumpDate: r.report.dumpDate,
  }),
);
