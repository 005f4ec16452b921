import { listsAwaitingContactLookups } from "@baken/db";
import { jobId } from "@baken/queue";
import type { Ctx } from "../context.ts";

/** A list's lookups are queued again for this long after its upload; older ones keep their offline matches. */
export const LOOKUP_REQUEUE_WINDOW_MS = 2 * 86_400_000;

/**
 * Gives a job again to the recent lists whose online lookups never ran: the upload could not queue it (Redis
 * was down; the upload is stored all the same) or Redis lost it. A job live, finished or failed is left alone
 * (a failed one had its attempts); the job id makes a second queueing harmless.
 */
export async function requeueMissedContactLookups(
  ctx: Pick<Ctx, "db" | "producer" | "config">,
  { olderThanMs }: { olderThanMs: number },
): Promise<{ requeued: number }> {
  if (!ctx.config.contactLookup.online) return { requeued: 0 };
  const lists = await listsAwaitingContactLookups(ctx.db, { olderThanMs, withinMs: LOOKUP_REQUEUE_WINDOW_MS });
  const jobs = lists.map((listId) => ({ listId }));
  const statuses = await ctx.producer.inspect("lookup-contacts", jobs);
  const missing = jobs.filter((job) => statuses.get(jobId("lookup-contacts", job))?.state === "missing");
  if (missing.length > 0) await ctx.producer.enqueueMany("lookup-contacts", missing);
  return { requeued: missing.length };
}
