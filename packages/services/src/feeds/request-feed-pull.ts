import { AppError, notFound } from "@baken/core";
import { findFeedSource, recordAudit } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { feedPullJobOptions } from "./feed-schedule.ts";

/**
 * Queues a pull now (outside the schedule). One waits per source: asked again while it waits or runs, the
 * answer says so (false) and nothing more is queued.
 */
export async function requestFeedPull(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: { id: string },
) {
  const source = await findFeedSource(ctx.db, input.id);
  if (!source) throw notFound("Feed source");
  if (source.kind !== "shadowserver") {
    throw new AppError("bad_request", "A push feed is not pulled: its reports arrive by POST /api/feeds/:id/reports");
  }
  const queued = await ctx.producer.requeue(
    "pull-feed",
    { feedSourceId: source.id, trigger: "manual" },
    feedPullJobOptions(ctx.config),
  );
  await recordAudit(ctx.db, actor, {
    action: "feed.pull",
    subjectType: "feed_source",
    subjectId: source.id,
    details: { queued },
  });
  return { queued };
}
