import { requeueMissedContactLookups, requeueReportConfirmations, requeueReportReplies } from "@baken/services";
import { startPeriodic } from "@baken/runtime";
import type { Logger } from "pino";
import type { WorkerCtx } from "./context.ts";

const MAX_AGE_MS = 2 * 24 * 3600_000;

/** An upload queues its online lookups right after it commits: one a minute old without a job never got one. */
const LOOKUP_GRACE_MS = 60_000;

/**
 * A report filed while Redis was down is stored without its confirmation job. The worker queues such
 * confirmations when it starts and every few minutes after, so the reporter still gets the mail once Redis
 * is back (see requeueReportConfirmations); staff's replies and a list's online lookups the same way.
 */
export function startConfirmationSweep(ctx: WorkerCtx, log: Logger) {
  return startPeriodic(ctx.config.jobs.confirmationSweepMs, () =>
    requeueReportConfirmations(ctx, { maxAgeMs: MAX_AGE_MS })
      .then(
        (count) => {
          if (count > 0) log.info({ count }, "queued unconfirmed incident reports");
        },
        (err: Error) => log.warn({ err: err.message }, "could not queue unconfirmed incident reports"),
      )
      .then(() =>
        // Replies staff wrote while Redis was down, the same way.
        requeueReportReplies(ctx, { maxAgeMs: MAX_AGE_MS }).then(
          (count) => {
            if (count > 0) log.info({ count }, "queued unsent replies to reporters");
          },
          (err: Error) => log.warn({ err: err.message }, "could not queue unsent replies to reporters"),
        ),
      )
      .then(() =>
        requeueMissedContactLookups(ctx, { olderThanMs: LOOKUP_GRACE_MS }).then(
          ({ requeued }) => {
            if (requeued > 0) log.info({ requeued }, "queued the online contact lookups of lists that had none");
          },
          (err: Error) => log.warn({ err: err.message }, "could not queue missed online contact lookups"),
        ),
      ),
  );
}
