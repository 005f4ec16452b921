import {
  AppError,
  delegatedAsns,
  fallbackLanguage,
  ReachStream,
  readRpslStream,
  RipeCollector,
  type Actor,
  type ReachReport,
} from "@baken/core";
import {
  activateRipeImport,
  openRipeRowCopy,
  failInterruptedRipeImports,
  failRipeImport,
  findRipeImport,
  insertRipeMailboxes,
  recordAudit,
  setRipeImportProgress,
  startRipeImport,
  whileRunningRipeImport,
  withRipeStaging,
  withTransaction,
  type RipeImportProgress,
  type RipeImportRow,
  type RipeSession,
} from "@baken/db";
import type { Ctx } from "../context.ts";

/** A file of the dump: its name (for malformed objects' provenance), its size, and its bytes on demand. */
export type RipeDumpFile = { name: string; bytes: number; open: () => AsyncIterable<Uint8Array> };

/** How often progress is written while the files are read: the console polls it. */
const PROGRESS_EVERY_MS = 1000;

/** RIPE's delegated statistics, by their published name: the ASNs of a country scope (see core's README). */
const isDelegatedStats = (name: string) => /delegated-ripencc/i.test(name);

/**
 * Runs a RIPE import whose row exists (`insertRipeImport`): reads the files one after another (gzipped or
 * not, in any order, each object's type read from the object), storing the ranges in a temporary table as
 * they are read; then, in one transaction, reads them back sorted, resolves every range's and ASN's abuse
 * contact as they come (ReachStream), COPYs the rows, makes this import the active one and deletes the
 * previous import's rows. A failure at any point (a bad file, the database gone, the process killed)
 * leaves the previous import active and whole; the row says failed, with the reason. A killed process
 * cannot say so: while it runs it holds the import's lock (whileRunningRipeImport), and the next import
 * or the next look at the imports marks a row running without its lock as interrupted. A file with no
 * RIPE object at all is refused (400).
 *
 * Memory: the process holds the handles, mailboxes and contacts (tens of thousands of each), never the
 * ranges (PostgreSQL holds and sorts them): flat in the dump's size (README's Benchmarks, bench:ripe).
 */
export async function importRipeDump(
  ctx: Pick<Ctx, "db" | "config">,
  actor: Actor,
  input: { importId: number; files: RipeDumpFile[] },
): Promise<RipeImportRow> {
  await failInterruptedRipeImports(ctx.db);
  return whileRunningRipeImport(ctx.db, input.importId, (session) => runImport(ctx, actor, input, session));
}

async function runImport(
  ctx: Pick<Ctx, "db" | "config">,
  actor: Actor,
  input: { importId: number; files: RipeDumpFile[] },
  session: RipeSession,
): Promise<RipeImportRow> {
  const { db } = ctx;
  const started = await startRipeImport(db, input.importId);
  if (!started) {
    const done = await findRipeImport(db, input.importId);
    if (!done) throw new AppError("not_found", `No RIPE import ${input.importId}`);
    return done;
  }
  let report: ReachReport | null = null;
  try {
    const countries = started.countries;
    await withRipeStaging(session, async (staging) => {
      const collector = new RipeCollector({ countries, ranges: staging.add });
      const progress = new ProgressWriter(ctx, input.importId, input.files);
      let delegated: string | null = null;
      for (const file of input.files) {
        const chunks = progress.count(file);
        if (isDelegatedStats(file.name)) {
          delegated = await readText(chunks);
          continue;
        }
        const reader = collector.reader(file.name);
        await readRpslStream(chunks, {
          push: (chunk) => {
            reader.push(chunk);
            return staging.full ? staging.flush() : undefined;
          },
          end: () => reader.end(),
        });
      }
      if (Object.values(collector.objects).every((n) => n === 0)) {
        throw new AppError(
          "bad_request",
          `${input.files.map((f) => f.name).join(", ")}: no RIPE object (inetnum, inet6num, aut-num, organisation, role) in the files`,
        );
      }
      await staging.finish();
      // The ranges are resolved as they are written: one phase.
      await progress.write({ phase: "writing" });
      await withTransaction(db, async (tx) => {
        const prefixes = openRipeRowCopy(tx, input.importId, "ripe_prefix");
        const resolver = new ReachStream(
          collector,
          { delegatedAsns: delegated !== null && countries ? delegatedAsns(delegated, countries) : null },
          (row) => prefixes.add(row.cidr, row),
        );
        // The ranges come back sorted and resolved as they come; the prefixes are written as they are final.
        for (const family of [6, 4] as const) {
          const ranges = resolver.family(family);
          await staging.read(
            family,
            (c) => collector.inScope(c),
            ranges.range,
            () => (prefixes.full ? prefixes.flush() : Promise.resolve()),
          );
          ranges.end();
        }
        const prefixCount = await prefixes.end();
        const asns = openRipeRowCopy(tx, input.importId, "ripe_asn");
        for (const row of resolver.asnRows()) asns.add(row.asn, row);
        const counts = { prefixCount, asnCount: await asns.end() };
        // Each mailbox's notice language, from the country most of its ranges have (a change of
        // NOTICE_LANGUAGE_BY_COUNTRY applies from the next import).
        const mailboxes = [...resolver.mailboxCountries()].map((m) => ({
          ...m,
          language: fallbackLanguage([], m.country, ctx.config.noticeLanguageByCountry),
        }));
        await insertRipeMailboxes(tx, input.importId, mailboxes);
        const resolved = (report = resolver.report());
        await activateRipeImport(tx, input.importId, { report: resolved, ...counts });
        await recordAudit(tx, actor, {
          action: "ripe.import",
          subjectType: "ripe_import",
          subjectId: String(input.importId),
          details: {
            files: input.files.map((f) => f.name),
            countries,
            dumpDate: resolved.dumpDate,
            ...counts,
            malformed: resolved.malformed.count,
          },
        });
      });
    });
  } catch (err) {
    await failRipeImport(db, input.importId, (err as Error).message, report).catch(() => {});
    throw err;
  }
  return (await findRipeImport(db, input.importId))!;
}

async function readText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString("latin1");
}

/** Counts the bytes read of each file and writes the progress at most once a PROGRESS_EVERY_MS. */
class ProgressWriter {
  private bytesRead = 0;
  private readonly bytesTotal: number;
  private last = 0;

  constructor(
    private readonly ctx: Pick<Ctx, "db">,
    private readonly id: number,
    files: RipeDumpFile[],
  ) {
    this.bytesTotal = files.reduce((n, f) => n + f.bytes, 0);
  }

  async *count(file: RipeDumpFile): AsyncGenerator<Uint8Array> {
    for await (const chunk of file.open()) {
      this.bytesRead += chunk.length;
      if (performance.now() - this.last >= PROGRESS_EVERY_MS) await this.write({ phase: "reading", file: file.name });
      yield chunk;
    }
  }

  async write(progress: RipeImportProgress): Promise<void> {
    this.last = performance.now();
    await setRipeImportProgress(this.ctx.db, this.id, {
      ...progress,
      bytesRead: this.bytesRead,
      bytesTotal: this.bytesTotal,
    });
  }
}
