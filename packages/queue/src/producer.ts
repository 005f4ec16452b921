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

/**
 * Where a job stands in Redis. `live`: waiting, active, delayed or prioritized (a worker has it or will take it);
 * `finished`: completed; `failed` with BullMQ's reason (a stalled job: "job stalled more than allowable limit");
 * `missing`: no job of that id (never added, removed, or Redis lost it).
 */
export type JobStatus = { state: "live" | "finished" | "missing" } | { state: "failed"; reason: string };

export type Producer = {
  enqueue<N extends JobName>(name: N, data: JobData<N>, options?: JobsOptions): Promise<void>;
  enqueueMany<N extends JobName>(name: N, items: JobData<N>[]): Promise<void>;
  /** The status of each job of these payloads, by job id. */
  inspect<N extends JobName>(name: N, items: JobData<N>[]): Promise<Map<string, JobStatus>>;
  /**
   * Adds the job again under its own id: a finished or failed job of that id is removed first (BullMQ keeps
   * them, and an id that exists is not added). A live one is left as it is: false.
   */
  requeue<N extends JobName>(name: N, data: JobData<N>, options?: JobsOptions): Promise<boolean>;
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
    async inspect(name, items) {
      const q = queue(jobQueue[name]);
      const statuses = new Map<string, JobStatus>();
      // In slices: one script call per job, sent together.
      for (let i = 0; i < items.length; i += 500) {
        const ids = items.slice(i, i + 500).map((data) => jobId(name, data));
        const found = await Promise.all(ids.map((id) => statusOf(q, id)));
        ids.forEach((id, k) => statuses.set(id, found[k]!));
      }
      return statuses;
    },
    async requeue(name, data, options) {
      const q = queue(jobQueue[name]);
      const id = jobId(name, data);
      const status = await statusOf(q, id);
      if (status.state === "live") return false;
      // remove refuses a job a worker holds (0): one that went live meanwhile, or that another process
      // removed first to add it again, is left to them.
      if (status.state !== "missing" && (await q.remove(id)) === 0) return false;
      await q.add(name, jobSchemas[name].parse(data), { ...options, jobId: id });
      return true;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

const LIVE = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

async function statusOf(q: Queue, id: string): Promise<JobStatus> {
  const state = await q.getJobState(id);
  if (LIVE.has(state)) return { state: "live" };
  if (state === "completed") return { state: "finished" };
  if (state === "failed") return { state: "failed", reason: (await q.getJob(id))?.failedReason ?? "" };
  return { state: "missing" };
}
