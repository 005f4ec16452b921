// npm run bench:ripe [-- --scale 1 --seed 2021 --plain --countries BE,LU --lookups 1000000 --keep]
// Generates a synthetic RIPE dump (@baken/testing's ripeDump: RIPE's split files, gzipped as RIPE publishes
// them unless --plain; at --scale 1 the real size, 4.5 M inetnum, 1.3 M inet6num, 40 k aut-num, 100 k
// organisation, 100 k role objects) into .bench/, reused by later runs; then imports it into PostgreSQL (a
// database of its own, migrated) with `npm run ripe:import`'s command bundled as the worker is (the worker
// runs an uploaded dump's import with the same service), and prints the wall time, objects/s, the
// importing process's peak RSS (and per phase: reading, resolving, writing), then loads the fallback from
// that database as the api and the worker do (another process) and prints what it holds and its lookups/s.
import { ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { RIPE_REAL_SIZE } from "@baken/testing";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { bundle } from "../scripts/bundle.mjs";
import { writeRipeDump } from "./lib/ripe-dump-files.ts";
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
// 240.0.0.0/4 holds the real size; the documentation ranges only a few thousand inetnums.
const space = sizes.inetnum > 2000 ? "class-e" : "documentation";
const files = [
  ...(await writeRipeDump(dir, { ...sizes, seed: SEED, space }, GZIP)),
  ...(COUNTRIES ? [join(dir, "delegated-ripencc-latest")] : []),
];
const onDisk = files.reduce((n, f) => n + statSync(f).size, 0);

// The processes run as bundles, as in the image (tsx's loader alone keeps ~55 MiB).
const CLI = "apps/worker/dist/ripe-import.mjs";
const PROBE = join(".bench", "ripe-fallback.mjs");
await bundle("apps/worker/src/cli/ripe-import.ts", CLI);
await bundle("bench/lib/ripe-fallback.ts", PROBE);

const id = Date.now().toString(36);
const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/baken_bench_ripe_${id}`;
await ensureDatabase(dbUrl.toString());
await migrate(dbUrl.toString(), MIGRATIONS_DIR);
const env = { ...process.env, DATABASE_URL: dbUrl.toString(), LOG_LEVEL: "warn" };

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// The importing process reports its own peak RSS (getrusage's maxrss) as it exits.
const PEAK =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('peak-rss '+u.maxRSS+' cpu-us '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";
const watcher = new pg.Client({ connectionString: dbUrl.toString() });
await watcher.connect();
try {
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", PEAK, CLI, ...files, ...(COUNTRIES ? ["--countries", COUNTRIES] : [])],
    { env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => (stdout += c));
  child.stderr.on("data", (c) => (stderr += c));
  const exited = once(child, "exit");
  // Each phase's start and the RSS seen during it (sampled; the exact peak is the process's own).
  const phases: { phase: string; at: number; rss: number }[] = [];
  let exit: unknown[] | null = null;
  exited.then((e) => (exit = e));
  while (exit === null) {
    const { rows } = await watcher.query<{ phase: string | null }>(
      `SELECT "progress"->>'phase' AS "phase" FROM "ripe_import" ORDER BY "id" DESC LIMIT 1`,
    );
    const phase = rows[0]?.phase ?? "starting";
    const rss = rssOf(child.pid!);
    const last = phases.at(-1);
    if (!last || last.phase !== phase) phases.push({ phase, at: performance.now(), rss });
    else last.rss = Math.max(last.rss, rss);
    await Promise.race([exited, new Promise((r) => setTimeout(r, 100))]);
  }
  const wallS = (performance.now() - started) / 1000;
  const loadAfter = loadavg()[0]!;
  if (exit![0] !== 0) throw new Error(`ripe:import failed (${String(exit![0])}):\n${stdout}\n${stderr}`);
  const [, peakKiB, cpuUs] = /peak-rss (\d+) cpu-us (\d+)/.exec(stderr)!;
  const peakMiB = Number(peakKiB) / 1024;
  const cpuS = Number(cpuUs) / 1e6;
  const { rows } = await watcher.query<{
    report: { objects: Record<string, number> };
    prefixCount: number;
    asnCount: number;
    finished: Date;
  }>(
    `SELECT "report", "prefix_count" AS "prefixCount", "asn_count" AS "asnCount", "finished_at" AS "finished"
       FROM "ripe_import" WHERE "active"`,
  );
  const imported = rows[0]!;
  const objects = Object.values(imported.report.objects).reduce((a, b) => a + b, 0);
  const [space] = (
    await watcher.query<{ first: string; last: string }>(
      `SELECT (min("cidr") - '0.0.0.0'::inet)::text AS "first", (max(broadcast("cidr")) - '0.0.0.0'::inet)::text AS "last"
         FROM "ripe_prefix" WHERE family("cidr") = 4`,
    )
  ).rows;

  const probe = spawnSync(
    process.execPath,
    ["--expose-gc", PROBE, String(LOOKUPS), space!.first, String(Number(space!.last) - Number(space!.first) + 1)],
    { env, encoding: "utf8" },
  );
  if (probe.status !== 0) throw new Error(`the fallback probe failed:\n${probe.stderr}`);
  const f = JSON.parse(probe.stdout.trim().split("\n").at(-1)!);

  const n = (x: number, d = 1) => x.toFixed(d);
  console.log(
    `dump: ${dir}, ${objects} objects, ${n(onDisk / 2 ** 20, 0)} MiB on disk${GZIP ? " (gzipped)" : ""}${COUNTRIES ? `, --countries ${COUNTRIES}` : ""}`,
  );
  console.log(`load average: ${n(loadBefore, 2)} before, ${n(loadAfter, 2)} after the import (2 cores, shared)`);
  console.log(
    `import         ${n(wallS)} s wall (target < 180 s), ${n(cpuS)} s CPU in the importing process, ${n(objects / wallS / 1000, 0)} k objects/s; ${imported.prefixCount} prefixes, ${imported.asnCount} ASNs stored`,
  );
  const phaseLine = phases
    .map(
      (p, i) =>
        `${p.phase} ${n(((phases[i + 1]?.at ?? started + wallS * 1000) - p.at) / 1000)} s (RSS ≤ ${n(p.rss, 0)} MiB)`,
    )
    .join(", ");
  console.log(`phases         ${phaseLine}`);
  console.log(`peak RSS       ${n(peakMiB, 0)} MiB, the importing process (target < 400 MiB)`);
  console.log(
    `fallback load  ${n(f.loadMs / 1000, 2)} s (${n(f.loadCpuMs / 1000, 2)} s CPU, longest turn of the event loop ${n(f.longestTurnMs, 0)} ms); ${f.intervals.v4} IPv4 + ${f.intervals.v6} IPv6 intervals, ${f.answers} answers, ${f.asns} ASNs`,
  );
  console.log(
    `fallback held  +${n(f.heldMiB.rss, 0)} MiB RSS (V8 heap +${n(f.heldMiB.heap, 0)} MiB, array buffers +${n(f.heldMiB.external, 0)} MiB) in each process that loads it (the api; the worker once it ingests a feed's report); ${n(f.rssMiB, 0)} MiB RSS in all`,
  );
  console.log(
    `lookups        ${n(f.prefixes.perSecond / 1e6, 2)} M/s prefix map, ${n(f.matched.perSecond / 1e6, 2)} M/s through the matcher (target >= 1 M/s); per CPU-second ${n(f.prefixes.perCpuSecond / 1e6, 2)} and ${n(f.matched.perCpuSecond / 1e6, 2)} M; ${f.matched.hits} of ${LOOKUPS} reach a contact (addresses at random over the dump's space: nearly each in another range)`,
  );
  console.log(`load average   ${n(loadavg()[0]!, 2)} at the end`);
} finally {
  await watcher.end();
  if (!process.argv.includes("--keep")) {
    const admin = new pg.Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
}
