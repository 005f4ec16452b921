import { findUnconfirmedReports } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * Queues the confirmation of every recent report whose mail is not recorded as sent. A report filed while
 * Redis was down is stored but its job could not be queued; this heals it once Redis is back. Queuing a
 * report whose job is still waiting or has failed is a no-op (same job id), and a sent one is skipped by
 * sendReportConfirmation, so running it often is harmless. Older reports are left alone: a confirmation
 * days late is worse than none, and a refused address would be retried forever.
 */
export async function requeueReportConfirmations(
  ctx: Pick<Ctx, "db" | "producer">,
  opts: { maxAgeMs: number; now?: Date },
): Promise<number> {
  const since = new Date((opts.now ?? new Date()).getTime() - opts.maxAgeMs);
  const pending = await findUnconfirmedReports(ctx.db, since);
  await ctx.producer.enqueueMany(
    "confirm-report",
    pending.map((reportId) => ({ reportId })),
  );
  return pending.length;
}
