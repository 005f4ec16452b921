import { AppError } from "@baken/core";
import { pullFeed } from "@baken/services";
import { UnrecoverableError } from "bullmq";
import type { Handler } from "./handler.ts";

/**
 * A feed pull (scheduled, or asked for). What may pass (the API down, a download cut) is retried with the
 * job's exponential backoff (FEED_PULL_ATTEMPTS, FEED_PULL_BACKOFF_SECONDS); a refused key or secret, or a
 * request Shadowserver refuses, is not: asking again would be refused again. Each run is on the source's page.
 */
export const pullFeedHandler: Handler<"pull-feed"> = async (ctx, data, job) => {
  try {
    return await pullFeed(ctx, { ...data, attempt: job.attemptsMade + 1, jobId: job.id ?? null });
  } catch (err) {
    if (err instanceof AppError && err.code !== "unavailable") throw new UnrecoverableError(err.message);
    throw err;
  }
};
