import type { JobData, JobName } from "@baken/queue";
import type { Job } from "bullmq";
import type { WorkerCtx } from "../context.ts";
import { deliverNoticeHandler } from "./deliver-notice.ts";
import { confirmReport } from "./confirm-report.ts";
import { remindCampaignHandler } from "./remind-campaign.ts";

/** A job handler: a few lines that call one use case; BullMQ specifics (retry, delay) stay here. */
export type Handler<N extends JobName> = (
  ctx: WorkerCtx,
  data: JobData<N>,
  job: Job<JobData<N>>,
  /** The job's lock token, for moveToDelayed. */
  token: string | undefined,
) => Promise<unknown>;

/** Every job name must have a handler: the worker refuses to start otherwise. */
export const handlers: { [N in JobName]?: Handler<N> } = {
  "deliver-notice": deliverNoticeHandler,
  "confirm-report": confirmReport,
  "remind-campaign": remindCampaignHandler,
};
