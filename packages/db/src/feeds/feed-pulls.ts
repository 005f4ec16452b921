import type { Db } from "../client.ts";
import { rows, type Conn } from "../transaction.ts";

export type FeedPullTrigger = "schedule" | "manual" | "push";
export type FeedPullStatus = "running" | "succeeded" | "failed";

/** What became of one report in a pull or a push. */
export type ReportOutcome = {
  id: string | null;
  type: string | null;
  file: string;
  outcome: "ingested" | "skipped" | "failed";
  reason?: string;
  listId?: string;
  rows?: number;
};

export type FeedPullResult = {
  status: Exclude<FeedPullStatus, "running">;
  error: string | null;
  listed: number;
  reports: ReportOutcome[];
};

export type FeedPullRow = {
  id: number;
  trigger: FeedPullTrigger;
  attempt: number;
  status: FeedPullStatus;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  listed: number;
  ingested: number;
  skipped: number;
  failed: number;
  reports: ReportOutcome[];
};

const PULL = `"id", "trigger", "attempt", "status", "started_at" AS "startedAt", "finished_at" AS "finishedAt", "error",
  "listed", "ingested", "skipped", "failed", "reports"`;

/** Why a run shows failed that no one saw end: its worker stopped (killed, or lost its lock) mid-run. */
export const CUT_SHORT = "cut short: the worker stopped during this run; the job ran again";

/**
 * A run begins (shown as running until it ends). A run of the same job still "running" was cut short (the job
 * runs again after its worker died): it is closed as failed, in the same statement. Runs of other jobs (a
 * pull asked for while the scheduled one runs on another worker) are left alone.
 */
export async function startFeedPull(
  db: Db,
  pull: { feedSourceId: string; trigger: FeedPullTrigger; attempt: number; jobId: string | null },
): Promise<number> {
  const [row] = await rows<{ id: number }>(
    db,
    `WITH cut AS (
       UPDATE "feed_pull" SET "status" = 'failed', "error" = $5, "finished_at" = now()
        WHERE "feed_source_id" = $1::uuid AND "job_id" = $4 AND "status" = 'running')
     INSERT INTO "feed_pull" ("feed_source_id", "trigger", "attempt", "job_id") VALUES ($1::uuid, $2, $3, $4)
     RETURNING "id"`,
    [pull.feedSourceId, pull.trigger, pull.attempt, pull.jobId, CUT_SHORT],
  );
  return row!.id;
}

const count = (r: FeedPullResult, outcome: ReportOutcome["outcome"]) =>
  r.reports.filter((x) => x.outcome === outcome).length;

/** A run ends: its outcome, report by report. */
export async function finishFeedPull(db: Db, id: number, result: FeedPullResult): Promise<void> {
  await rows(
    db,
    `UPDATE "feed_pull" SET "status" = $2, "error" = $3, "listed" = $4, "ingested" = $5, "skipped" = $6,
            "failed" = $7, "reports" = $8::jsonb, "finished_at" = now()
      WHERE "id" = $1`,
    [
      id,
      result.status,
      result.error,
      result.listed,
      count(result, "ingested"),
      count(result, "skipped"),
      count(result, "failed"),
      JSON.stringify(result.reports),
    ],
  );
}

/** A source's latest runs, newest first. */
export async function findFeedPulls(conn: Conn, feedSourceId: string, limit: number): Promise<FeedPullRow[]> {
  return rows<FeedPullRow>(
    conn,
    `SELECT ${PULL} FROM "feed_pull" WHERE "feed_source_id" = $1::uuid ORDER BY "id" DESC LIMIT $2`,
    [feedSourceId, limit],
  );
}

/** The latest run of each source. */
export async function findLatestFeedPulls(db: Db): Promise<Map<string, FeedPullRow>> {
  const found = await rows<FeedPullRow & { feedSourceId: string }>(
    db,
    `SELECT DISTINCT ON ("feed_source_id") "feed_source_id" AS "feedSourceId", ${PULL}
       FROM "feed_pull" ORDER BY "feed_source_id", "id" DESC`,
  );
  return new Map(found.map(({ feedSourceId, ...pull }) => [feedSourceId, pull]));
}
