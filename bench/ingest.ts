// npm run bench:ingest -- --rows 1170 [--orgs 5000] [--unquoted] [--fallback] [--warm] [--profile] [--keep]
// Uploads an N-row Shadowserver scan_exchange report through the real API (a child process on a fresh
// database) and prints rows/s, upload-to-matched seconds, the API's peak RSS, the CPU time the API and
// PostgreSQL spent, and PostgreSQL's own \copy of the same file into a bare table as the floor (the median of
// three). The file is written as Shadowserver writes it: the 2026 layout (with severity), text fields in
// double quotes (--unquoted: none), every row a host of its own (no duplicates to fold).
// --fallback: no organization is registered; instead a generated RIPE dump over the list's address space
// (100 k inetnum with an aggregate above them, 5,000 abuse mailboxes) is imported with ripe:import first,
// so every row reaches an abuse contact through the fallback (the upload loads it and makes the mailboxes'
// organizations, as the first upload after an import does).
// API_NODE_ARGS="--trace-gc" (say): more node options for the API (NODE_OPTIONS refuses the V8 ones).
import { ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import {
  buildRegistry,
  registryNdjson,
  SCAN_EXCHANGE,
  SCAN_EXCHANGE_SPACE,
  scanExchangeHeader,
  scanExchangeLines,
  withWideIspSpace,
} from "@baken/testing";
import { spawn, spawnSync } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { request, type IncomingMessage } from "node:http";
import { pipeline } from "node:stream/promises";
import { once } from "node:events";
import { loadavg } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { writeRipeDump } from "./lib/ripe-dump-files.ts";
import { arg } from "./support.ts";

const ROWS = arg("rows", 1170);
const ORGS = arg("orgs", 5000);
// --profile: the API writes a V8 CPU profile (.bench/*.cpuprofile) when it exits.
const PROFILE = process.argv.includes("--profile");
const QUOTED = !process.argv.includes("--unquoted");
const FALLBACK = process.argv.includes("--fallback");
const FLOOR_RUNS = 3;
// --warm: the matcher is loaded before the timed upload (a one-row list first), as in a running api.
const WARM = process.argv.includes("--warm");
const OUT = ".bench";
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "bench@baken.example", password: "bench password, long enough" };

mkdirSync(OUT, { recursive: true });
const id = Date.now().toString(36);
const serverUrl = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/baken_bench_${id}`;

async function writeList(file: string) {
  const registry = withWideIspSpace(buildRegistry({ orgs: ORGS, seed: 2021 }));
  const out = createWriteStream(file);
  out.write(scanExchangeHeader(QUOTED) + "\n");
  let buffer = "";
  for (const line of scanExchangeLines(registry, { rows: ROWS, quoted: QUOTED })) {
    buffer += line + "\n";
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
  return registry;
}

/** User + system CPU seconds a process has used (/proc/<pid>/stat, in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // gone meanwhile
  }
}

/** The CPU seconds of the backends serving the bench's database (other test runs share the server). */
async function backendCpu(db: pg.Client): Promise<Map<number, number>> {
  const { rows } = await db.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return new Map(rows.map((r) => [r.pid, cpuSeconds(r.pid)]));
}

/** The same for every PostgreSQL process of this machine: the backend doing the COPY, its WAL writer... */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres")) total += cpuSeconds(Number(pid));
    } catch {
      // not ours to read, or gone
    }
  }
  return total;
}

/**
 * Both timed writes (the upload, then the floor's \copy) start with the WAL checkpointed: each writes more
 * WAL than max_wal_size's default 1 GB holds with what came before, so a checkpoint forced by the previous
 * step landed in one or the other at random, and the floor alone varied from 3.4 to 6.5 s between runs.
 */
async function checkpoint(db: pg.Client) {
  await db.query("CHECKPOINT").catch((err: Error) => console.warn(`no CHECKPOINT (${err.message}): noisier figures`));
}

/** Seconds psql's \copy of the report takes into a fresh table of text columns, the WAL checkpointed first. */
async function copyFloor(k: number): Promise<number> {
  const admin = new pg.Client({ connectionString: dbUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE TABLE "copy_floor_${k}" (${SCAN_EXCHANGE.fields.map((c) => `"${c}" text`).join(", ")})`);
  await checkpoint(admin);
  await admin.end();
  const start = performance.now();
  const psql = spawnSync(
    "psql",
    [dbUrl.toString(), "-q", "-c", `\\copy "copy_floor_${k}" FROM '${file}' WITH (FORMAT csv, HEADER true)`],
    { stdio: "inherit" },
  );
  if (psql.status !== 0) throw new Error("psql \\copy failed");
  return (performance.now() - start) / 1000;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * POSTs the file as multipart/form-data, streamed from disk as it is: undici's FormData spent 1.6 s of CPU
 * encoding a 211 MB report, on the two cores the api and PostgreSQL share (an analyst's browser runs
 * elsewhere).
 */
async function postFile(url: string, headers: Record<string, string>, path: string) {
  const boundary = `----bench${Date.now().toString(16)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nbench\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.split("/").pop()}"\r\n` +
      "Content-Type: text/csv\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(path).size + tail.length;
  const req = request(url, {
    method: "POST",
    headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": length },
  });
  const answer = new Promise<IncomingMessage>((resolve, reject) => {
    req.on("response", resolve);
    req.on("error", reject);
  });
  req.write(head);
  await pipeline(createReadStream(path, { highWaterMark: 256 * 1024 }), req, { end: false });
  req.end(tail);
  const res = await answer;
  let body = "";
  for await (const chunk of res) body += chunk;
  return { status: res.statusCode ?? 0, json: async () => JSON.parse(body) as unknown };
}

async function waitForApi() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok || (await fetch(`${BASE}/api/auth/me`)).status === 401) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the API did not start");
}

const file = join(OUT, `2026-03-09-scan_exchange-bench${ROWS}${QUOTED ? "" : "-unquoted"}-geo.csv`);
const registry = await writeList(file);
const bytes = statSync(file).size;
await ensureDatabase(dbUrl.toString());
await migrate(dbUrl.toString(), MIGRATIONS_DIR);
if (FALLBACK) {
  const dump = { inetnum: 100_000, inet6num: 20_000, autNum: 1000, organisation: 5000, role: 5000 };
  const dir = join(OUT, "ripe-list-space-gz");
  const files = await writeRipeDump(dir, { ...dump, space: SCAN_EXCHANGE_SPACE, cover: true }, true);
  const imported = spawnSync(process.execPath, ["apps/worker/dist/ripe-import.mjs", ...files], {
    env: { ...process.env, DATABASE_URL: dbUrl.toString(), LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (imported.status !== 0) throw new Error(`ripe:import failed: ${imported.stdout}${imported.stderr}`);
  console.log(imported.stdout.split("\n")[0]);
}

// The API as the image runs it (the bundle npm run build:server made): its own process, so its RSS and
// CPU time are its own.
const api = spawn(
  process.execPath,
  [
    "--enable-source-maps",
    ...(process.env.API_NODE_ARGS?.split(" ") ?? []),
    ...(PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${OUT}`] : []),
    "apps/api/dist/server.mjs",
  ],
  {
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      PORT: String(PORT),
      LOG_LEVEL: "warn",
      BAKEN_ADMIN_EMAIL: ADMIN.email,
      BAKEN_ADMIN_PASSWORD: ADMIN.password,
      UPLOAD_MAX_BYTES: String(4 * 1024 * 1024 * 1024),
      UPLOAD_MAX_ROWS: String(Math.max(ROWS * 2, 10)),
      REDIS_PREFIX: `baken-bench-${id}`,
    },
    stdio: ["ignore", "inherit", "inherit"],
  },
);
try {
  await waitForApi();
  const startRss = rssOf(api.pid!);
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(ADMIN),
  });
  const { token } = (await login.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  if (!FALLBACK) {
    const imported = await fetch(`${BASE}/api/organizations/import`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/x-ndjson" },
      body: registryNdjson(registry),
    });
    if (!imported.ok) throw new Error(`import failed: ${await imported.text()}`);
  }
  if (WARM) {
    // A one-row list of its own: the upload loads the registry's matcher and the fallback, as the api's
    // refresh (MATCHER_REFRESH_SECONDS) has them loaded in a running api.
    const warmFile = join(OUT, `warm-${id}.csv`);
    writeFileSync(
      warmFile,
      `${scanExchangeHeader(QUOTED)}\n${[...scanExchangeLines(registry, { rows: 1, seed: 7 })][0]}\n`,
    );
    const warmed = await postFile(`${BASE}/api/lists`, auth, warmFile);
    rmSync(warmFile);
    if (warmed.status !== 201) throw new Error(`the warming upload failed (${warmed.status})`);
  }

  const idleRss = rssOf(api.pid!);
  let peakRss = idleRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(api.pid!))), 20);
  const load = loadavg()[0]!;
  const watcher = new pg.Client({ connectionString: dbUrl.toString() });
  await watcher.connect();
  await checkpoint(watcher);
  const backendsBefore = await backendCpu(watcher);
  // A parallel worker (CREATE INDEX of a big list's table) lives for one statement: the last CPU figure seen
  // of every backend, read every 100 ms, counts it with at most its last 100 ms missed.
  const backendsSeen = new Map(backendsBefore);
  let watching = true;
  const watched = (async () => {
    while (watching) {
      for (const [pid, cpu] of await backendCpu(watcher)) if (cpu > 0) backendsSeen.set(pid, cpu);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const cpuBefore = { api: cpuSeconds(api.pid!), postgres: postgresCpuSeconds(), bench: process.cpuUsage() };
  const start = performance.now();
  const res = await postFile(`${BASE}/api/lists`, auth, file);
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  const bench = process.cpuUsage(cpuBefore.bench);
  watching = false;
  await watched;
  for (const [pid, cpu] of await backendCpu(watcher)) if (cpu > 0) backendsSeen.set(pid, cpu);
  const cpu = {
    api: cpuSeconds(api.pid!) - cpuBefore.api,
    postgres: postgresCpuSeconds() - cpuBefore.postgres,
    backends: [...backendsSeen.entries()].reduce(
      (sum, [pid, after]) => sum + after - (backendsBefore.get(pid) ?? 0),
      0,
    ),
    bench: (bench.user + bench.system) / 1e6,
  };
  peakRss = Math.max(peakRss, rssOf(api.pid!));
  await watcher.end();
  const body = (await res.json()) as { id: string; accepted: number; duplicates: number; reportType: string | null };
  if (res.status !== 201) throw new Error(`upload failed (${res.status}): ${JSON.stringify(body)}`);
  const detail = (await (await fetch(`${BASE}/api/lists/${body.id}`, { headers: auth })).json()) as {
    matchedAt: string | null;
    summary: { matched: number; unmatched: number; coverage: unknown };
  };

  // The floor: PostgreSQL's own \copy of the same file into a bare table of text columns, three times (each
  // into a fresh table, after a CHECKPOINT): the median. On the 2-core machine one \copy took 2.5 to 5.3 s
  // from run to run, which moved the ratio more than any change to the upload did.
  const floors: number[] = [];
  for (let k = 0; k < FLOOR_RUNS; k++) floors.push(await copyFloor(k));
  const copySeconds = floors.toSorted((a, b) => a - b)[Math.floor(FLOOR_RUNS / 2)]!;

  const mib = (b: number) => (b / 1024 / 1024).toFixed(0);
  const round2 = (n: number) => Number(n.toFixed(2));
  const figures = {
    rows: ROWS,
    quoted: QUOTED,
    fallback: FALLBACK,
    warm: WARM,
    reportType: body.reportType,
    loadAverage: Number(load.toFixed(2)),
    fileMiB: Number(mib(bytes)),
    uploadToMatchedSeconds: Number(seconds.toFixed(2)),
    rowsPerSecond: Math.round(ROWS / seconds),
    matched: detail.summary.matched,
    unmatched: detail.summary.unmatched,
    coverage: detail.summary.coverage,
    duplicatesFolded: body.duplicates,
    apiStartRssMiB: Number(mib(startRss)),
    apiIdleRssMiB: Number(mib(idleRss)),
    apiPeakRssMiB: Number(mib(peakRss)),
    // During the upload; the bench itself is the uploading client, on the same cores.
    // postgres: every PostgreSQL process of the machine (other runs included); backends: this database's only.
    cpuSeconds: {
      api: round2(cpu.api),
      backends: round2(cpu.backends),
      postgres: round2(cpu.postgres),
      bench: round2(cpu.bench),
    },
    copyFloorSeconds: Number(copySeconds.toFixed(2)),
    copyFloorRuns: floors.map(round2),
    timesCopyFloor: Number((seconds / copySeconds).toFixed(2)),
  };
  console.log(JSON.stringify(figures, null, 2));
  console.log(
    `${ROWS} ${QUOTED ? "quoted" : "unquoted"} rows${FALLBACK ? ", every one through the fallback" : ""}${WARM ? ", matcher loaded" : ""} (${figures.fileMiB} MiB, load ${figures.loadAverage}): matched in ${figures.uploadToMatchedSeconds} s, ${figures.rowsPerSecond} rows/s; ` +
      `api CPU ${figures.cpuSeconds.api} s, PostgreSQL backends ${figures.cpuSeconds.backends} s; ` +
      `api RSS ${figures.apiIdleRssMiB} -> ${figures.apiPeakRssMiB} MiB; \\copy floor ${figures.copyFloorSeconds} s, the median of ${figures.copyFloorRuns.join(", ")} (${figures.timesCopyFloor}x)`,
  );
} finally {
  api.kill("SIGTERM");
  await once(api, "exit").catch(() => {});
  if (!process.argv.includes("--keep")) {
    const admin = new pg.Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbUrl.pathname.slice(1)}" WITH (FORCE)`);
    await admin.end();
  }
}
