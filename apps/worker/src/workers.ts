import { jobQueue, jobSchemas, QUEUES, type JobName, type QueueName } from "@baken/queue";
import { recordStalledNotice, restoreFeedSchedules, STALLED_REASON } from "@baken/services";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { WorkerCtx } from "./context.ts";
import { handlers } from "./handlers/index.ts";
import { startConfirmationSweep } from "./confirmation-sweep.ts";
import { startListRetentionSweep } from "./list-retention-sweep.ts";
import { startNoticeRepairSweep } from "./notice-repair-sweep.ts";
import { logRedisOutages } from "./redis-outage.ts";

/**
 * One BullMQ Worker per queue, dispatching by job name to the handlers. Used by main.ts and by tests,
 * which run the real workers in-process against a test SMTP server.
 */
export async function startWorkers(ctx: WorkerCtx, redis: Redis, log: Logger) {
  const { config } = ctx;
  async function runJob(job: Job, token?: string) {
    // A name this build does not know (a job queued by a newer producer) fails at once rather than retrying.
    if (!Object.hasOwn(handlers, job.name)) throw new UnrecoverableError(`unknown job ${job.name}`);
    const name = job.name as JobName;
    const handler = handlers[name] as (c: WorkerCtx, d: unknown, j: Job, t?: string) => Promise<unknown>;
    return handler(ctx, jobSchemas[name].parse(job.data), job, token);
  }

  const concurrency: Record<QueueName, number> = {
    [QUEUES.notices]: config.smtp.poolSize * 2,
    [QUEUES.mail]: 2,
    [QUEUES.schedule]: 1,
    // A pull streams a report into one transaction: one at a time, beside the upload traffic of the api.
    [QUEUES.feeds]: 1,
    // A RIPE import holds its dump's ranges in memory (~400 MiB at the real size): one at a time.
    [QUEUES.reach]: 1,
    // Each job runs CONTACT_LOOKUP_CONCURRENCY requests at once itself.
    [QUEUES.lookups]: 2,
  };
  const workers = (Object.values(QUEUES) as QueueName[])
    .filter((queue) => Object.values(jobQueue).includes(queue))
    .map((queue) => {
      const limiter =
        queue === QUEUES.notices && config.notices.ratePerSecond > 0
          ? { max: config.notices.ratePerSecond, duration: 1000 }
          : undefined;
      const worker = new Worker(queue, runJob, {
        connection: redis,
        prefix: config.redis.prefix,
        concurrency: concurrency[queue],
        limiter,
        lockDuration: config.jobs.lockMs,
        stalledInterval: config.jobs.lockMs,
      });
      worker.on("failed", (job, err) => {
        log.warn({ queue, job: job?.id, name: job?.name, err: err.message }, "job failed");
        // Failed by BullMQ itself, not by the handler (which records its own failures on the notice).
        if (job?.name === "deliver-notice" && err.message === STALLED_REASON) {
          const { noticeId } = jobSchemas["deliver-notice"].parse(job.data);
          recordStalledNotice(ctx, { noticeId, reason: err.message }).catch((e: Error) =>
            log.error({ job: job.id, err: e.message }, "could not record a stalled notice"),
          );
        }
      });
      return worker;
    });
  logRedisOutages(redis, workers, log);
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  // The feeds' schedules from the database: a Redis that lost its data gets them back.
  await restoreFeedSchedules(ctx).catch((err: Error) =>
    log.error({ err: err.message }, "could not restore feed schedules"),
  );
  const sweeps = [
    startConfirmationSweep(ctx, log),
    startNoticeRepairSweep(ctx, log),
    startListRetentionSweep(ctx, log),
  ];
  return {
    workers,
    /** Stops taking jobs and waits for the active ones to finish. */
    close: async () => {
      await Promise.all(sweeps.map((s) => s.stop()));
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
