import { AppError, SHADOWSERVER_API_URL, SHADOWSERVER_DOWNLOAD_URL, type Actor } from "@baken/core";
import {
  findFeedReports,
  findFeedSource,
  finishFeedPull,
  startFeedPull,
  type FeedPullTrigger,
  type ReportOutcome,
} from "@baken/db";
import type { Ctx } from "../context.ts";
import { openCredentials } from "./feed-credentials.ts";
import { ingestFeedReport, isTransient } from "./ingest-feed-report.ts";
import { shadowserverClient } from "./shadowserver-client.ts";

/** Scheduled pulls act as the system: the lists they make have no uploader, their audit events no actor. */
const SYSTEM: Actor = { id: null };

const DAY_MS = 86_400_000;
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10);

export type PullFeedInput = {
  feedSourceId: string;
  trigger: Exclude<FeedPullTrigger, "push">;
  attempt: number;
  /** The queue's job: a run of it left "running" by a worker that died is closed when it runs again. */
  jobId: string | null;
};

export type PullFeedResult =
  { status: "skipped"; reason: string } | { status: "succeeded" | "failed"; pullId: number; reports: ReportOutcome[] };

/**
 * One run of a Shadowserver pull: lists the source's reports of the last `lookbackDays` days (UTC, today
 * included: as Shadowserver's own report manager does), skips those already brought in (by report id), and
 * ingests each new one as its own list (ingestFeedReport: one transaction each, so a run cut short leaves
 * whole lists, never half a report, and the next run starts where it stopped). The run and each report's
 * outcome are recorded for staff.
 *
 * Throws an AppError when the run should be tried again (`unavailable`: the API could not be reached or a
 * download broke) or cannot succeed (`unauthorized`: the key or secret refused; `bad_request`): the job
 * decides which to retry. A report refused for its content is a failure of that report, not of the run's
 * retry: asking again would be refused again.
 */
export async function pullFeed(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  input: PullFeedInput,
): Promise<PullFeedResult> {
  const source = await findFeedSource(ctx.db, input.feedSourceId);
  if (!source) return { status: "skipped", reason: "no such feed source" };
  if (source.kind !== "shadowserver") return { status: "skipped", reason: "a push feed is not pulled" };
  if (!source.enabled && input.trigger === "schedule") return { status: "skipped", reason: "the feed is disabled" };

  const pullId = await startFeedPull(ctx.db, {
    feedSourceId: source.id,
    trigger: input.trigger,
    attempt: input.attempt,
    jobId: input.jobId,
  });
  const reports: ReportOutcome[] = [];
  let listed = 0;
  try {
    const { apiKey, secret } = openCredentials(ctx.config, source.id, source.credentials);
    const client = shadowserverClient({
      apiKey,
      secret,
      apiUrl: source.apiUrl ?? SHADOWSERVER_API_URL,
      downloadUrl: source.downloadUrl ?? SHADOWSERVER_DOWNLOAD_URL,
      // Blips are retried here; an outage is the job's to retry, with its own, longer backoff.
      retries: 2,
      backoffMs: Math.min(1000, ctx.config.feeds.backoffMs),
    });
    const now = Date.now();
    const found = await client.listReportsBetween(isoDay(now - (source.lookbackDays - 1) * DAY_MS), isoDay(now), {
      types: source.reportTypes,
      reports: source.mailingLists,
    });
    listed = found.length;
    const known = await findFeedReports(
      ctx.db,
      source.id,
      found.map((r) => r.id),
    );
    for (const r of found) {
      const base = { id: r.id, type: r.type, file: r.file };
      const before = known.get(r.id);
      if (before) {
        const reason = before.listId ? `brought in before (list ${before.listId})` : "brought in before";
        reports.push({ ...base, outcome: "skipped", reason, ...(before.listId ? { listId: before.listId } : {}) });
        continue;
      }
      try {
        const file = await client.openReport(r.id);
        const { outcome } = await ingestFeedReport(ctx, SYSTEM, source, {
          reportId: r.id,
          type: r.type,
          fileName: r.file,
          file,
        });
        reports.push(outcome);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        reports.push({ ...base, outcome: "failed", reason });
        // The API or the download broke: stop here; the next run skips what is in and goes on.
        if (isTransient(err)) throw new AppError("unavailable", `Report ${r.id} (${r.file}): ${reason}`);
      }
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await finishFeedPull(ctx.db, pullId, { status: "failed", error: message, listed, reports });
    throw err instanceof AppError ? err : new AppError("unavailable", message);
  }
  const failed = reports.filter((r) => r.outcome === "failed").length;
  const status = failed > 0 ? "failed" : "succeeded";
  const error = failed > 0 ? `${failed} of ${reports.length} report(s) refused` : null;
  await finishFeedPull(ctx.db, pullId, { status, error, listed, reports });
  return { status, pullId, reports };
}
