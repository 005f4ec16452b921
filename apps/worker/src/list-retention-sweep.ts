import { deleteExpiredLists } from "@baken/services";
import { startPeriodic } from "@baken/runtime";
import type { Logger } from "pino";
import type { WorkerCtx } from "./context.ts";

/** Retention counts in days: an hour late is on time. */
const EVERY_MS = 3_600_000;

/**
 * With LIST_RETENTION_DAYS set, the worker deletes the lists older than that when it starts and every hour
 * after, by the rules of a staff deletion (deleteExpiredLists); each deletion is audited. Several workers
 * may sweep at once: each list's deletion locks it, and a list already gone is skipped.
 */
export function startListRetentionSweep(ctx: WorkerCtx, log: Logger) {
  const retentionDays = ctx.config.lists.retentionDays;
  if (retentionDays === null) return startPeriodic(0, async () => {});
  return startPeriodic(EVERY_MS, () =>
    deleteExpiredLists(ctx, { retentionDays }).then(
      ({ deleted, refused }) => {
        if (deleted > 0) log.info({ deleted, retentionDays }, "deleted lists past their retention");
        // Kept for a reason that may pass (a newer list of the campaign, a busy table): tried again next hour.
        if (refused.length > 0) log.info({ refused: refused.length, first: refused.slice(0, 5) }, "kept expired lists");
      },
      (err: Error) => log.warn({ err: err.message }, "could not delete lists past their retention"),
    ),
  );
}
