import {
  AppError,
  asnRows,
  delegatedAsns,
  fallbackLanguage,
  mailboxCountryRows,
  prefixRows,
  readRpslStream,
  resolveReach,
  RipeCollector,
  type Actor,
  type ReachReport,
} from "@baken/core";
import {
  activateRipeImport,
  copyRipeRows,
  failInterruptedRipeImports,
  failRipeImport,
  findRipeImport,
  insertRipeMailboxes,
  recordAudit,
  setRipeImportProgress,
  startRipeImport,
  whileRunningRipeImport,
  withTransaction,
  type RipeImportProgress,
  type RipeImportRow,
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
 * not, in any order, each object's type read from the object), resolves every range's and ASN's abuse
 * contact, then, in one transaction, COPYs the rows, makes this import the active one and deletes the
 * previous import's rows. A failure at any point (a bad file, the database gone, the process killed)
 * leaves the previous import active and whole; the row says failed, with the reason. A killed process
 * cannot say so: while it runs it holds the import's lock (whileRunningRipeImport), and the next import
 * or the next look at the imports marks a row running without its lock as interrupted. A file with no
 * RIPE object at all is refused (400).
 *
 * Memory: the files stream through the collector's typed columns (peak RSS grows with the number of
 * ranges, ~60 bytes each, not with the files' bytes: README's Benchmarks, bench:ripe).
 */
export async function importRipeDump(
  ctx: Pick<Ctx, "db" | "config">,
  actor: Actor,
  input: { importId: number; files: RipeDumpFile[] },
): Promise<RipeImportRow> {
  await failInterruptedRipeImports(ctx.db);
  return whileRunningRipeImport(ctx.db, input.importId, () => runImport(ctx, actor, input));
}

async function runImport(
  ctx: Pick<Ctx, "db" | "config">,
  actor: Actor,
  input: { importId: number; files: RipeDumpFile[] },
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
    const collector = new RipeCollector({ countries });
    const progress = new ProgressWriter(ctx, input.importId, input.files);
    let delegated: string | null = null;
    for (const file of input.files) {
      const chunks = progress.count(file);
      if (isDelegatedStats(file.name)) {
        delegated = await readText(chunks);
        continue;
      }
      await readRpslStream(chunks, collector.reader(file.name));
    }
    if (Object.values(collector.objects).every((n) => n === 0)) {
      throw new AppError(
        "bad_request",
        `${input.files.map((f) => f.name).join(", ")}: no RIPE object (inetnum, inet6num, aut-num, organisation, role) in the files`,
      );
    }
    await progress.write({ phase: "resolving" });
    const data = resolveReach(collector, {
      delegatedAsns: delegated !== null && countries ? delegatedAsns(delegated, countries) : null,
    });
    report = data.report;
    await progress.write({ phase: "writing" });
    const resolved = data.report;
    // Each mailbox's notice language, from the country most of its ranges have (a config change applies
    // from the next import).
    const mailboxes = [...mailboxCountryRows(data)].map((m) => ({
      ...m,
      language: fallbackLanguage([], m.country, ctx.config.noticeLanguageByCountry),
    }));
    await withTransaction(db, async (tx) => {
      const counts = await copyRipeRows(tx, input.importId, { prefixes: prefixRows(data), asns: asnRows(data) });
      await insertRipeMailboxes(tx, input.importId, mailboxes);
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
