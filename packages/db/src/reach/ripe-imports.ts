import { AppError, type ReachReport } from "@baken/core";
import { withClient } from "../checkout.ts";
import type { Db } from "../client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

export type RipeImportStatus = "queued" | "running" | "succeeded" | "failed";
export type RipeImportFile = { name: string; bytes: number };
export type RipeImportProgress = {
  phase?: "reading" | "resolving" | "writing";
  /** Bytes of the files read (as stored: gzipped bytes for a gzipped file), of bytesTotal. */
  bytesRead?: number;
  bytesTotal?: number;
  /** The file being read. */
  file?: string;
};

export type RipeImportRow = {
  id: number;
  status: RipeImportStatus;
  active: boolean;
  origin: "upload" | "cli";
  files: RipeImportFile[];
  countries: string[] | null;
  dumpDate: Date | null;
  report: ReachReport | null;
  progress: RipeImportProgress;
  prefixCount: number;
  asnCount: number;
  error: string | null;
  createdById: string | null;
  createdBy: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

const IMPORT = `i."id", i."status", i."active", i."origin", i."files", i."countries", i."dump_date" AS "dumpDate",
  i."report", i."progress", i."prefix_count" AS "prefixCount", i."asn_count" AS "asnCount", i."error",
  i."created_by_id" AS "createdById", s."email" AS "createdBy", i."created_at" AS "createdAt",
  i."started_at" AS "startedAt", i."finished_at" AS "finishedAt"`;
const FROM = `"ripe_import" i LEFT JOIN "staff_user" s ON s."id" = i."created_by_id"`;

/** A new import, queued (its files stored, its job to come) or, from the command line, running at once. */
export async function insertRipeImport(
  conn: Conn,
  fields: {
    origin: "upload" | "cli";
    files: RipeImportFile[];
    countries: string[] | null;
    createdById: string | null;
  },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    conn,
    `INSERT INTO "ripe_import" ("origin", "files", "countries", "created_by_id") VALUES ($1, $2::jsonb, $3, $4::uuid)
     RETURNING "id"`,
    [fields.origin, JSON.stringify(fields.files), fields.countries, fields.createdById],
  );
  return row!.id;
}

declare const session: unique symbol;
/** The running import's own connection (whileRunningRipeImport), for its staging table. */
export type RipeSession = { readonly [session]: true };

/** Advisory-lock namespace of running imports (the second key is the import's id): "RIPE". */
const RUNNING_LOCK = 0x52495045;

/** What an import whose process ended without finishing says, once found. */
export const INTERRUPTED =
  "interrupted: the importing process ended before it finished (killed or stopped); the previous import stays in use";

/**
 * Runs an import's work while a connection of its own holds the import's session advisory lock: the lock
 * says "a live process is running this import". PostgreSQL releases it when that process's connection
 * ends, however the process ended (SIGKILL included), which is how failInterruptedRipeImports tells a
 * running import from one whose process is gone. A 409 when another process holds it (the same import run
 * twice at once). The same connection holds the import's ranges while it runs (`withRipeStaging`): an
 * import needs one connection more only for its transaction, and a pool of two runs it.
 */
export async function whileRunningRipeImport<T>(
  db: Db,
  id: number,
  work: (session: RipeSession) => Promise<T>,
): Promise<T> {
  return withClient(db.pool, async (client) => {
    const { rows: got } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock($1::int, $2::int) AS "locked"`,
      [RUNNING_LOCK, id],
    );
    if (!got[0]!.locked) throw new AppError("conflict", `RIPE import ${id} is being run by another process`);
    try {
      return await work(client as unknown as RipeSession);
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1::int, $2::int)`, [RUNNING_LOCK, id]);
    }
  });
}

/**
 * Marks failed, as interrupted, every import that says running while no process holds its lock (its
 * process was killed, or its machine lost): without this it would say running forever. The lock is taken
 * before the row says running (startRipeImport runs inside whileRunningRipeImport), so a row seen running
 * without its lock is one whose process is gone. Answers how many were found.
 */
export async function failInterruptedRipeImports(conn: Conn): Promise<number> {
  const found = await rows(
    conn,
    `UPDATE "ripe_import" i SET "status" = 'failed', "error" = $2, "finished_at" = now()
      WHERE i."status" = 'running'
        AND NOT EXISTS (
          SELECT 1 FROM pg_locks l
           WHERE l."locktype" = 'advisory' AND l."granted" AND l."objsubid" = 2
             AND l."database" = (SELECT "oid" FROM pg_database WHERE "datname" = current_database())
             AND l."classid" = $1::int::oid AND l."objid" = i."id"::oid)
      RETURNING i."id"`,
    [RUNNING_LOCK, INTERRUPTED],
  );
  return found.length;
}

/**
 * The import begins (or begins again: a job run again after its worker died). Null when there is no such
 * import or it already succeeded (a job run twice does not import twice).
 */
export async function startRipeImport(
  db: Db,
  id: number,
): Promise<{ files: RipeImportFile[]; countries: string[] | null } | null> {
  const [row] = await rows<{ files: RipeImportFile[]; countries: string[] | null }>(
    db,
    `UPDATE "ripe_import" SET "status" = 'running', "started_at" = now(), "finished_at" = NULL, "error" = NULL,
       "progress" = '{}'::jsonb
     WHERE "id" = $1 AND "status" <> 'succeeded' RETURNING "files", "countries"`,
    [id],
  );
  return row ?? null;
}

/** Progress while it runs (one statement, outside the import's transaction, so the console sees it). */
export async function setRipeImportProgress(db: Db, id: number, progress: RipeImportProgress): Promise<void> {
  await rows(db, `UPDATE "ripe_import" SET "progress" = $2::jsonb WHERE "id" = $1 AND "status" = 'running'`, [
    id,
    JSON.stringify(progress),
  ]);
}

/** A failed import, with its reason; the active import stays as it was. */
export async function failRipeImport(db: Db, id: number, error: string, report: ReachReport | null = null) {
  await rows(
    db,
    `UPDATE "ripe_import" SET "status" = 'failed', "error" = $2, "report" = coalesce($3::jsonb, "report"),
       "finished_at" = now()
     WHERE "id" = $1 AND "status" <> 'succeeded'`,
    [id, error.slice(0, 2000), report ? JSON.stringify(report) : null],
  );
}

/**
 * Inside the import's transaction, after its rows: it becomes the active import and the rows of every
 * other import are deleted. Serialised by an advisory lock, so two imports finishing at once switch one
 * after the other (the later one wins).
 */
export async function activateRipeImport(
  tx: Tx,
  id: number,
  result: { report: ReachReport; prefixCount: number; asnCount: number },
): Promise<void> {
  await rows(tx, `SELECT pg_advisory_xact_lock(hashtextextended('baken:ripe-import', 0))`);
  await rows(tx, `UPDATE "ripe_import" SET "active" = false WHERE "active"`);
  await rows(
    tx,
    `UPDATE "ripe_import" SET "status" = 'succeeded', "active" = true, "report" = $2::jsonb,
       "dump_date" = $3::timestamptz, "prefix_count" = $4, "asn_count" = $5, "finished_at" = now(),
       "progress" = '{}'::jsonb, "error" = NULL
     WHERE "id" = $1`,
    [id, JSON.stringify(result.report), result.report.dumpDate, result.prefixCount, result.asnCount],
  );
  await rows(tx, `DELETE FROM "ripe_prefix" WHERE "import_id" <> $1`, [id]);
  await rows(tx, `DELETE FROM "ripe_asn" WHERE "import_id" <> $1`, [id]);
  await rows(tx, `DELETE FROM "ripe_mailbox" WHERE "import_id" <> $1`, [id]);
  // Statistics of the new rows before anything reads them: without, the fallback's load (millions of rows
  // in key order) was planned as a sort of a few thousand rows, spilled to disk (twice as long).
  await rows(tx, `ANALYZE "ripe_prefix", "ripe_asn"`);
}

export async function findRipeImports(db: Db, limit = 50): Promise<RipeImportRow[]> {
  return rows<RipeImportRow>(db, `SELECT ${IMPORT} FROM ${FROM} ORDER BY i."id" DESC LIMIT $1`, [limit]);
}

export async function findRipeImport(db: Db, id: number): Promise<RipeImportRow | null> {
  const [row] = await rows<RipeImportRow>(db, `SELECT ${IMPORT} FROM ${FROM} WHERE i."id" = $1`, [id]);
  return row ?? null;
}

/** The active import's id (what matching loads, its cache key), or null before the first import. */
export async function activeRipeImportId(conn: Conn): Promise<number | null> {
  const [row] = await rows<{ id: number }>(conn, `SELECT "id" FROM "ripe_import" WHERE "active"`);
  return row?.id ?? null;
}
