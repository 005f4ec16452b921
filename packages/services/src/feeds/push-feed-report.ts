import { AppError, notFound, type Actor } from "@baken/core";
import { findFeedReports, findFeedSource, finishFeedPull, startFeedPull } from "@baken/db";
import type { Ctx } from "../context.ts";
import { ingestFeedReport, type FeedReportInput, type FeedReportResult } from "./ingest-feed-report.ts";

/**
 * A report pushed to a feed source (POST /api/feeds/:id/reports, by a tool with an API token): ingested as an
 * upload is, its campaign and TLP the source's, recorded as a run of the source. A report id seen before is a
 * 409 naming the list, as is a file seen before; a file refused for its content is answered as an upload's
 * refusal (400 naming the rows).
 */
export async function pushFeedReport(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: { feedSourceId: string } & FeedReportInput,
) {
  const source = await findFeedSource(ctx.db, input.feedSourceId);
  if (!source) throw notFound("Feed source");
  if (!source.enabled) throw new AppError("conflict", `The feed ${source.name} is disabled: it takes no reports`);
  if (input.reportId) {
    const before = (await findFeedReports(ctx.db, source.id, [input.reportId])).get(input.reportId);
    if (before) {
      throw new AppError("conflict", `Report ${input.reportId} was brought in before`, { id: before.listId });
    }
  }
  const pullId = await startFeedPull(ctx.db, { feedSourceId: source.id, trigger: "push", attempt: 1, jobId: null });
  let result: FeedReportResult;
  try {
    result = await ingestFeedReport(ctx, actor, source, input);
  } catch (err) {
    // What may pass (the upload cut short): the run says so; the sender sends again.
    const error = err instanceof Error ? err.message : String(err);
    await finishFeedPull(ctx.db, pullId, { status: "failed", error, listed: 1, reports: [] });
    throw err;
  }
  const { outcome, list, refusal } = result;
  const failed = outcome.outcome === "failed";
  await finishFeedPull(ctx.db, pullId, {
    status: failed ? "failed" : "succeeded",
    error: failed ? (outcome.reason ?? null) : null,
    listed: 1,
    reports: [outcome],
  });
  if (!list) throw refusal ?? new AppError("conflict", outcome.reason ?? "not ingested");
  return list;
}
