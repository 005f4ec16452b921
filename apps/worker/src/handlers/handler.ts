import type { JobData, JobName } from "@baken/queue";
import type { Job } from "bullmq";
import type { WorkerCtx } from "../context.ts";

/** A job handler: a few lines that call one use case; BullMQ specifics (retry, delay) stay here. */
export type Handler<N extends JobName> = (
  ctx: WorkerCtx,
  data: JobData<N>,
  job: Job<JobData<N>>,
  /** The job's lock token, for moveToDelayed. */
  token: string | undefined,
) => Promise<unknown>;

/** One handler per job name, none optional: a job name without its handler does not compile. */
export type Handlers = { [N in JobName]: Handler<N> };
