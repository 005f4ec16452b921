import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { jobId, jobQueue, jobSchemas, QUEUES, type JobData, type JobName, type QueueName } from "./jobs.ts";

/** Applied to every job: retries with exponential backoff, and bounded history in Redis. */
export const defaultJobOptions = (attempts: number): JobsOptions => ({
  attempts,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 10_000 },
});

export type Producer = {
  enqueue<N extends JobName>(name: N, data: JobData<N>, options?: JobsOptions): Promise<void>;
  enqueueMany<N extends JobName>(name: N, items: JobData<N>[]): Promise<void>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
};

export function createProducer(connection: Redis, prefix: string, attempts: number): Producer {
  const queues = new Map<QueueName, Queue>(
    Object.values(QUEUES).map((name) => [
      name,
      new Queue(name, { connection, prefix, defaultJobOptions: defaultJobOptions(attempts) }),
    ]),
  );
  const queue = (name: QueueName) => queues.get(name)!;
  return {
    queue,
    async enqueue(name, data, options) {
      const payload = jobSchemas[name].parse(data);
      await queue(jobQueue[name]).add(name, payload, { ...options, jobId: jobId(name, data) });
    },
    async enqueueMany(name, items) {
      const q = queue(jobQueue[name]);
      // addBulk in slices: one round trip per thousand jobs, not one per job.
      for (let i = 0; i < items.length; i += 1000) {
        await q.addBulk(
          items.slice(i, i + 1000).map((data) => ({
            name,
            data: jobSchemas[name].parse(data),
            opts: { jobId: jobId(name, data) },
          })),
        );
      }
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
