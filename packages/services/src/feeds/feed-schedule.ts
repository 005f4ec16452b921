import type { Config } from "@baken/config";
import { findFeedSource, findFeedSources } from "@baken/db";
import { jobQueue, jobSchemas, type JobsOptions } from "@baken/queue";
import type { Ctx } from "../context.ts";

/** One scheduler per source, with a stable id, so saving a source again replaces its schedule. */
export const feedSchedulerId = (feedSourceId: string) => `pull-feed-${feedSourceId}`;

/** A failed pull is tried again, with exponential backoff (FEED_PULL_ATTEMPTS, FEED_PULL_BACKOFF_SECONDS). */
export const feedPullJobOptions = (config: Pick<Config, "feeds">): JobsOptions => ({
  attempts: config.feeds.pullAttempts,
  backoff: { type: "exponential", delay: config.feeds.backoffMs },
});

const feedQueue = (ctx: Pick<Ctx, "producer">) => ctx.producer.queue(jobQueue["pull-feed"]);

/**
 * Makes the queue's job scheduler match the source: a `pull-feed` job on its cron schedule (in
 * CERT_TIME_ZONE) while it is an enabled Shadowserver source with a schedule, none otherwise (deleted too).
 * Call it after anything that changes those.
 */
export async function syncFeedSchedule(ctx: Pick<Ctx, "db" | "config" | "producer">, feedSourceId: string) {
  const source = await findFeedSource(ctx.db, feedSourceId);
  const id = feedSchedulerId(feedSourceId);
  if (!source || !source.enabled || source.kind !== "shadowserver" || !source.schedule) {
    await feedQueue(ctx).removeJobScheduler(id);
    return;
  }
  await feedQueue(ctx).upsertJobScheduler(
    id,
    { pattern: source.schedule, tz: ctx.config.cert.timeZone },
    {
      name: "pull-feed",
      data: jobSchemas["pull-feed"].parse({ feedSourceId, trigger: "schedule" }),
      opts: feedPullJobOptions(ctx.config),
    },
  );
}

/**
 * Every source's schedule again, from the database: the worker does it at start, so a Redis that lost its
 * data (or a schedule changed while Redis was down) gets the schedules back.
 */
export async function restoreFeedSchedules(ctx: Pick<Ctx, "db" | "config" | "producer">) {
  const sources = await findFeedSources(ctx.db);
  for (const source of sources) await syncFeedSchedule(ctx, source.id);
  return sources.length;
}

/** When the source's scheduler runs next, if it has one. */
export async function nextFeedPull(ctx: Pick<Ctx, "producer">, feedSourceId: string): Promise<Date | null> {
  const scheduler = await feedQueue(ctx).getJobScheduler(feedSchedulerId(feedSourceId));
  return scheduler?.next ? new Date(scheduler.next) : null;
}
