import { loadConfig } from "@baken/config";
import {
  createDb,
  findRipeImports,
  networkAbuseContacts,
  RIPE_IMPORT_INTERRUPTED,
  withClientTransaction,
} from "@baken/db";
import {
  ripeDump,
  RIPE_DUMP_NEWEST,
  runProcess,
  SmtpSink,
  startProcess,
  waitFor,
  type RangeTruth,
} from "@baken/testing";
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bearer, buildTestApp, signIn } from "../../api/test/helper.ts";
import { multipart } from "../../api/test/upload.ts";
import { startTestWorker } from "./helper.ts";

const CLI = "apps/worker/src/cli/ripe-import.ts";
const db = createDb(loadConfig().databaseUrl);
const dir = mkdtempSync(join(tmpdir(), "baken-ripe-"));

/** Imports a dump's files with the command, which must succeed. */
async function importWithCli(dump: { files: { path: string }[] }) {
  const run = await runProcess(
    CLI,
    {},
    dump.files.map((f) => f.path),
  );
  expect(run.code, run.stderr).toBe(0);
}

/** A small dump in RIPE's split files, some gzipped, with the mailbox each IPv4 range must answer to. */
function writeDump(seed: number) {
  const truth: Extract<RangeTruth, { family: 4 }>[] = [];
  const files = ripeDump({
    seed,
    inetnum: 300,
    inet6num: 60,
    autNum: 20,
    organisation: 40,
    role: 40,
    onRange: (r) => void (r.family === 4 && truth.push(r)),
  }).map((f, i) => {
    const bytes = Buffer.concat([...f.chunks()]);
    const gz = i % 2 === 0;
    const path = join(dir, `${seed}-${f.name}${gz ? ".gz" : ""}`);
    writeFileSync(path, gz ? gzipSync(bytes) : bytes);
    return { path, name: f.name, bytes: gz ? gzipSync(bytes) : bytes };
  });
  return { files, truth };
}

const v4 = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;

/** What the active import answers for a sample of ranges, against the dump's own truth. */
async function expectAnswers(truth: Extract<RangeTruth, { family: 4 }>[]) {
  const sample = truth.filter((_, i) => i % 7 === 0);
  const size = (r: (typeof truth)[number]) => r.last - r.first;
  // An address of the range that no more specific range holds: its own answer, not a nested range's.
  const own = (r: (typeof truth)[number]) =>
    [r.first, r.first + Math.floor(size(r) / 2), r.last].find(
      (a) => !truth.some((o) => o !== r && size(o) < size(r) && o.first <= a && a <= o.last),
    );
  for (const r of sample) {
    const at = own(r);
    if (at === undefined) continue;
    const address = v4(at);
    const found = await networkAbuseContacts(db, [address]);
    expect(found[0]?.mailbox ?? null, `${address} (${v4(r.first)} - ${v4(r.last)})`).toBe(r.mailbox);
  }
}

async function clearImports() {
  await withClientTransaction(db.pool, async (c) => {
    await c.query(`DELETE FROM "ripe_prefix"; DELETE FROM "ripe_asn"; DELETE FROM "ripe_import"`);
  });
}

beforeEach(clearImports);
afterAll(async () => {
  await clearImports();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("npm run ripe:import", () => {
  it("imports the split files, gzipped or not, in any order, and reports what it read", async () => {
    const { files, truth } = writeDump(7);
    const usage = await runProcess(CLI);
    expect(usage.code).toBe(2);
    const done = await runProcess(CLI, {}, [...files.map((f) => f.path)].reverse());
    expect(done.stderr).toBe("");
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/RIPE import \d+ active: \d+ prefixes, \d+ ASNs/);
    const [imp] = await findRipeImports(db);
    expect(imp).toMatchObject({ status: "succeeded", active: true, origin: "cli", countries: null });
    expect(imp!.dumpDate?.toISOString()).toBe(new Date(RIPE_DUMP_NEWEST).toISOString());
    expect(imp!.report!.objects).toMatchObject({ inetnum: expect.any(Number), role: 40, organisation: 40 });
    expect(imp!.report!.malformed.count).toBeGreaterThan(0);
    const first = imp!.report!.malformed.first[0]!;
    expect(first.file).toMatch(/ripe\.db\./);
    expect(done.stdout).toContain(`malformed: ${first.file} line ${first.line}: ${first.reason}`);
    const counted = await withClientTransaction(db.pool, async (c) => {
      const p = await c.query(`SELECT count(*)::int AS n FROM "ripe_prefix" WHERE "import_id" = $1`, [imp!.id]);
      const a = await c.query(`SELECT count(*)::int AS n FROM "ripe_asn" WHERE "import_id" = $1`, [imp!.id]);
      return { prefixes: p.rows[0].n as number, asns: a.rows[0].n as number };
    });
    expect(counted).toEqual({ prefixes: imp!.prefixCount, asns: imp!.asnCount });
    expect(imp!.asnCount).toBeGreaterThan(0);
    await expectAnswers(truth);
  });

  it("keeps the previous import active and whole when the next one fails", async () => {
    const first = writeDump(11);
    await importWithCli(first);
    const [before] = await findRipeImports(db);

    // The second dump's inetnum file is cut inside its gzip stream: the read fails part-way.
    const second = writeDump(12);
    const cut = join(dir, "cut-ripe.db.inetnum.gz");
    const whole = second.files.find((f) => f.name === "ripe.db.inetnum")!.bytes;
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const failed = await runProcess(CLI, {}, [
      cut,
      ...second.files.filter((f) => f.name !== "ripe.db.inetnum").map((f) => f.path),
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/gzip/);

    const [latest, previous] = await findRipeImports(db);
    expect(latest).toMatchObject({ status: "failed", active: false, error: expect.stringMatching(/gzip/) });
    expect(previous).toMatchObject({
      id: before!.id,
      status: "succeeded",
      active: true,
      prefixCount: before!.prefixCount,
    });
    await expectAnswers(first.truth);

    // Not a RIPE dump at all: a 4xx-like refusal, naming the file, and still the first import.
    const notRipe = join(dir, "list.csv");
    writeFileSync(notRipe, "ip,port\n192.0.2.1,443\n");
    const refused = await runProcess(CLI, {}, [notRipe]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("list.csv: no RIPE object");
    expect((await findRipeImports(db)).find((i) => i.active)?.id).toBe(before!.id);

    // A good import replaces it, and the first import's rows are gone.
    await importWithCli(second);
    await expectAnswers(second.truth);
    const left = await withClientTransaction(db.pool, (c) =>
      c.query(`SELECT count(*)::int AS n FROM "ripe_prefix" WHERE "import_id" = $1`, [before!.id]),
    );
    expect(left.rows[0].n).toBe(0);
  });

  it("marks an import whose process was killed as interrupted, and the next import runs", async () => {
    const first = writeDump(17);
    await importWithCli(first);
    const [before] = await findRipeImports(db);

    // The import reads a pipe the test holds open, so it is mid-read (running) when it is killed.
    const pipe = join(dir, "ripe.db.inetnum.pipe");
    execFileSync("mkfifo", [pipe]);
    const killed = startProcess(CLI, {}, [pipe]);
    const writer = createWriteStream(pipe).on("error", () => {});
    writer.write(first.files.find((f) => f.name === "ripe.db.inetnum")!.bytes.subarray(0, 4096));
    const running = await waitFor(async () => (await findRipeImports(db)).find((i) => i.status === "running"), {
      what: "the import running",
    });
    if (writer.pending) await once(writer, "open"); // the import is reading the pipe
    killed.child.kill("SIGKILL");
    expect((await killed.exited).signal).toBe("SIGKILL");
    writer.destroy();
    // Nothing ran after the kill: the row still says running.
    expect((await findRipeImports(db)).find((i) => i.id === running.id)?.status).toBe("running");

    // The console's view: no longer running, but interrupted; the first import still active.
    const app = await buildTestApp();
    try {
      const viewer = await signIn(app, "viewer");
      const listed = await app.inject({ method: "GET", url: "/api/ripe/imports", headers: bearer(viewer) });
      expect(listed.json().imports.find((i: { id: number }) => i.id === running.id)).toMatchObject({
        status: "failed",
        active: false,
        error: RIPE_IMPORT_INTERRUPTED,
        finishedAt: expect.any(String),
      });
      expect(listed.json().imports.find((i: { active: boolean }) => i.active).id).toBe(before!.id);
    } finally {
      await app.close();
    }
    await expectAnswers(first.truth);

    // A row left running by a process killed before anyone looked: the next import finds it and runs.
    const again = startProcess(CLI, {}, [pipe]);
    const againWriter = createWriteStream(pipe).on("error", () => {});
    const stale = await waitFor(async () => (await findRipeImports(db)).find((i) => i.status === "running"), {
      what: "the second import running",
    });
    if (againWriter.pending) await once(againWriter, "open");
    again.child.kill("SIGKILL");
    await again.exited;
    againWriter.destroy();
    const second = writeDump(19);
    const next = await runProcess(
      CLI,
      {},
      second.files.map((f) => f.path),
    );
    expect(next.code, next.stderr).toBe(0);
    const imports = await findRipeImports(db);
    expect(imports.find((i) => i.id === stale.id)).toMatchObject({ status: "failed", error: RIPE_IMPORT_INTERRUPTED });
    expect(imports[0]).toMatchObject({ status: "succeeded", active: true });
    await expectAnswers(second.truth);
  });

  it("keeps only the ranges of --countries", async () => {
    const { files, truth } = writeDump(13);
    const run = await runProcess(CLI, {}, [...files.map((f) => f.path), "--countries", "be,lu"]);
    expect(run.code).toBe(0);
    const [imp] = await findRipeImports(db);
    expect(imp!.countries).toEqual(["BE", "LU"]);
    expect(imp!.report!.inetnum.inScope).toBeLessThan(imp!.report!.inetnum.read);
    const outside = truth.find((r) => r.country !== "BE" && r.country !== "LU" && r.own && r.mailbox);
    const found = await networkAbuseContacts(db, [v4(outside!.first)]);
    expect(found.some((f) => f.object.startsWith(v4(outside!.first)))).toBe(false);
    const bad = await runProcess(CLI, {}, [files[0]!.path, "--countries", "Belgium"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--countries: not ISO 3166 country codes: BELGIUM");
  });
});

describe("an uploaded RIPE dump", () => {
  let sink: SmtpSink;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const uploadDir = join(dir, "uploads");
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    worker = await startTestWorker(sink.url, { RIPE_UPLOAD_DIR: uploadDir });
  });
  afterAll(async () => {
    await worker.close();
    await sink.stop();
  });

  it("is imported by the worker's job, with its counts, and its files removed", async () => {
    const app = await buildTestApp({ RIPE_UPLOAD_DIR: uploadDir });
    try {
      const admin = await signIn(app, "admin");
      const analyst = await signIn(app, "analyst");
      const { files, truth } = writeDump(21);
      const body = multipart([
        { name: "countries", value: "" },
        ...files.map((f) => ({
          name: "files",
          fileName: f.path.split("/").pop()!,
          content: f.bytes,
          type: "application/octet-stream",
        })),
      ]);
      const denied = await app.inject({
        method: "POST",
        url: "/api/ripe/imports",
        ...body,
        headers: { ...body.headers, ...bearer(analyst) },
      });
      expect(denied.statusCode).toBe(403);
      const res = await app.inject({
        method: "POST",
        url: "/api/ripe/imports",
        ...body,
        headers: { ...body.headers, ...bearer(admin) },
      });
      expect(res.statusCode, res.body).toBe(202);
      const queued = res.json();
      expect(queued).toMatchObject({ origin: "upload", createdBy: admin.email, files: expect.any(Array) });
      expect(queued.files).toHaveLength(files.length);

      const done = await waitFor(async () => {
        const r = await app.inject({ method: "GET", url: `/api/ripe/imports/${queued.id}`, headers: bearer(analyst) });
        const body = r.json();
        return body.status === "succeeded" || body.status === "failed" ? body : null;
      });
      expect(done).toMatchObject({ status: "succeeded", active: true, error: null });
      expect(done.prefixCount).toBeGreaterThan(0);
      expect(done.report.objects.role).toBe(40);
      await expectAnswers(truth);
      expect(existsSync(join(uploadDir, `import-${queued.id}`))).toBe(false);
      expect(readdirSync(uploadDir)).toEqual([]);

      const list = await app.inject({ method: "GET", url: "/api/ripe/imports", headers: bearer(analyst) });
      expect(list.json().imports[0]).toMatchObject({ id: queued.id, active: true });

      // Not RIPE: the job fails it (not retried), the files go, the active import stays.
      const junk = multipart([{ name: "files", fileName: "ripe.db.inetnum", content: "hello\n", type: "text/plain" }]);
      const junkRes = await app.inject({
        method: "POST",
        url: "/api/ripe/imports",
        ...junk,
        headers: { ...junk.headers, ...bearer(admin) },
      });
      expect(junkRes.statusCode).toBe(202);
      const failed = await waitFor(async () => {
        const r = await app.inject({
          method: "GET",
          url: `/api/ripe/imports/${junkRes.json().id}`,
          headers: bearer(admin),
        });
        return r.json().status === "failed" ? r.json() : null;
      });
      expect(failed.error).toContain("no RIPE object");
      expect((await findRipeImports(db)).find((i) => i.active)?.id).toBe(queued.id);
      await waitFor(() => readdirSync(uploadDir).length === 0, { what: "the refused files removed" });

      const bad = multipart([{ name: "countries", value: "Belgium" }]);
      const badRes = await app.inject({
        method: "POST",
        url: "/api/ripe/imports",
        ...bad,
        headers: { ...bad.headers, ...bearer(admin) },
      });
      expect(badRes.statusCode).toBe(400);
      expect(badRes.json().message).toContain("countries");
    } finally {
      await app.close();
    }
  });
});
