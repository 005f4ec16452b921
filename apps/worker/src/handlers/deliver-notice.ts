import { deliverNotice, DeliveryError } from "@baken/services";
import { DelayedError, UnrecoverableError } from "bullmq";
import type { Handler } from "./handler.ts";

/**
 * One notice per job (job id = notice id). Over a domain's rate: back to `delayed` without using an
 * attempt (BullMQ's moveToDelayed + DelayedError). A permanent SMTP answer (5xx): no retry.
 */
export const deliverNoticeHandler: Handler<"deliver-notice"> = async (ctx, data, job, token) => {
  const attempt = job.attemptsMade + 1;
  try {
    const result = await deliverNotice(
      ctx,
      { noticeId: data.noticeId, attempt, isFinalAttempt: attempt >= (job.opts.attempts ?? 1) },
      ctx.throttle,
    );
    if (result.outcome === "throttled") {
      await job.moveToDelayed(Date.now() + result.delayMs, token);
      throw new DelayedError();
    }
    // The job's result keeps what went as X-ARF (BullMQ shows it with the finished job).
    if (result.outcome === "sent") return { messageId: result.messageId, xarf: result.xarf };
    if (result.outcome === "bounced") return { bounced: true, redirectId: result.redirectId };
    return { skipped: result.reason };
  } catch (err) {
    if (err instanceof DeliveryError && err.permanent) throw new UnrecoverableError(err.message);
    throw err;
  }
};
