import { findUnsentReplies } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * Queues every recent reply not yet sent: one written while Redis was down is stored without its job. A
 * waiting job makes this a no-op (same job id) and a sent reply is skipped by sendReportReply.
 */
export async function requeueReportReplies(ctx: Pick<Ctx, "db" | "producer">, opts: { maxAgeMs: number }) {
  const pending = await findUnsentReplies(ctx.db, new Date(Date.now() - opts.maxAgeMs));
  await ctx.producer.enqueueMany(
    "reply-report",
    pending.map((replyId) => ({ replyId })),
  );
  return pending.length;
}
