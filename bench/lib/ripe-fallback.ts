// The process bench:ripe measures for the loaded fallback (bundled, as the api and the worker run): loads
// it with the services' own getMatcher (what an upload or a feed pull calls), from the bench's database,
// and answers in one JSON line what that costs the process (RSS, V8 heap, array buffers, after a full GC)
// and how fast the loaded matcher answers IPv4 addresses no registered organization holds.
// Run with --expose-gc. Arguments: <lookups> <first address of the dump's IPv4 space> <its size>.
import { loadConfig } from "@baken/config";
import { createDb, readFallbackVersion } from "@baken/db";
import { getFallback, getMatcher } from "@baken/services";

const [lookupsText, firstText, sizeText] = process.argv.slice(2);
const LOOKUPS = Number(lookupsText);
const FIRST = Number(firstText);
const SIZE = Number(sizeText);
const gc = (globalThis as { gc?: () => void }).gc!;

function memory() {
  gc();
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers };
}

const db = createDb(loadConfig().databaseUrl, { max: 2 });
// A query first, so the pool's connection and code are there before the baseline.
await readFallbackVersion(db);
const before = memory();
// The longest the event loop waited while the fallback loaded: the api answers requests meanwhile.
let longestTurnMs = 0;
let tick = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestTurnMs = Math.max(longestTurnMs, now - tick);
  tick = now;
}, 1);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const fallback = await getFallback({ db });
const loadMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
clearInterval(ticker);
const after = memory();
// The registry's matcher (empty: no organization registered) around the loaded fallback, as an upload's.
const matcher = await getMatcher({ db });

// 9 in 10 addresses in the dump's IPv4 space, 1 in 10 anywhere.
let state = 42;
const rnd = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const addresses = new Uint32Array(LOOKUPS);
for (let i = 0; i < LOOKUPS; i++)
  addresses[i] = i % 10 === 9 ? Math.floor(rnd() * 2 ** 32) : (FIRST + Math.floor(rnd() * SIZE)) >>> 0;

/** Best of three passes (the machine is shared), after one to warm up; also per second of this process's CPU. */
function rate(fn: () => number) {
  fn();
  let best = Infinity;
  let bestCpu = Infinity;
  let hits = 0;
  for (let pass = 0; pass < 3; pass++) {
    const s = performance.now();
    const c = process.cpuUsage();
    hits = fn();
    const cpu = process.cpuUsage(c);
    best = Math.min(best, (performance.now() - s) / 1000);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
  }
  return { perSecond: LOOKUPS / best, perCpuSecond: LOOKUPS / bestCpu, hits };
}
const prefixes = rate(() => {
  let hits = 0;
  for (let i = 0; i < LOOKUPS; i++) if (fallback.prefixes.lookupV4(addresses[i]!) >= 0) hits++;
  return hits;
});
const matched = rate(() => {
  let hits = 0;
  for (let i = 0; i < LOOKUPS; i++) if (matcher.matchV4(addresses[i]!, null, null).organizationId !== null) hits++;
  return hits;
});
await db.close();
const mib = (n: number) => n / 2 ** 20;
console.log(
  JSON.stringify({
    loadMs,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
    longestTurnMs,
    intervals: fallback.prefixes.size,
    answers: (fallback.prefixAnswers as { length?: number }).length ?? 0,
    asns: fallback.asns.size,
    heldMiB: {
      rss: mib(after.rss - before.rss),
      heap: mib(after.heap - before.heap),
      external: mib(after.external - before.external),
    },
    rssMiB: mib(after.rss),
    prefixes,
    matched,
  }),
);
