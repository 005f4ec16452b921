import { requeueStuckNotices } from "@baken/services";
import { startPeriodic } from "@baken/runtime";
import type { Logger } from "pino";
import type { WorkerCtx } from "./context.ts";

/**
 * Notices can be stranded without a job: BullMQ fails a job whose worker died twice on it (stalled), and
 * Redis restarted without its data loses every queued one. The worker gives them a job again when it
 * starts and every NOTICE_REPAIR_SWEEP_SECONDS after, once they have not moved for longer than a job lock
 * (see requeueStuckNotices; the delivery's claim keeps it to one mail).
 */
export function startNoticeRepairSweep(ctx: WorkerCtx, log: Logger) {
  return startPeriodic(ctx.config.jobs.noticeRepairSweepMs, () =>
    requeueStuckNotices(ctx, { id: null }, { olderThanMs: ctx.config.jobs.lockMs }).then(
      (r) => {
        if (r.requeued > 0 || r.heldBack > 0) log.warn(r, "gave notices stranded without a job a new one");
      },
      (err: Error) => log.warn({ err: err.message }, "could not check for notices stranded without a job"),
    ),
  );
}
