import { notFound } from "@baken/core";
import {
  campaignExists,
  findPendingNotices,
  noteHeldBackNotice,
  noteWaitingNotice,
  recordAudit,
  stillPending,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { ACCEPTED_UNRECORDED } from "./deliver-notice.ts";
import { stalledText } from "./record-stalled-notice.ts";

export type RequeueStuckResult = {
  /** queued again: they had no live job */
  requeued: number;
  /** a worker has their job (waiting, active, delayed): left alone */
  live: number;
  /** accepted by the SMTP server but never recorded: not sent again (that would mail twice); for staff to judge */
  heldBack: number;
};

/**
 * Gives a job back to every notice `queued` or `sending` without one: BullMQ failed it as stalled (a worker
 * killed twice on it), Redis lost it (restarted empty), or it was never added (Redis down after the send's
 * commit). `olderThanMs`: only notices whose status has not changed for that long (the worker's sweep waits a
 * job lock, so a notice just claimed or just created is not raced); staff ask with 0 for one campaign.
 *
 * Never twice holds through deliverNotice's claim: a notice already `sent` is skipped by the job, and a job
 * id exists once. What stays as it is: a notice whose mail the server accepted but the record failed.
 */
export async function requeueStuckNotices(
  ctx: Pick<Ctx, "db" | "producer">,
  actor: Actor,
  input: { olderThanMs: number; campaignId?: string },
): Promise<RequeueStuckResult> {
  if (input.campaignId && !(await campaignExists(ctx.db, input.campaignId))) throw notFound("Campaign");
  const pending = await findPendingNotices(ctx.db, input.olderThanMs, input.campaignId ?? null);
  const result: RequeueStuckResult = { requeued: 0, live: 0, heldBack: 0 };
  const statuses = await ctx.producer.inspect(
    "deliver-notice",
    pending.map((noticeId) => ({ noticeId })),
  );
  const stuck: { id: string; failure: string | null }[] = [];
  for (const [id, status] of statuses) {
    if (status.state === "live") result.live++;
    else if (status.state === "failed" && status.reason.startsWith(ACCEPTED_UNRECORDED)) {
      result.heldBack++;
      // Staff see why it stays `sending`.
      await noteHeldBackNotice(ctx.db, id, status.reason);
    } else stuck.push({ id, failure: status.state === "failed" ? status.reason : null });
  }
  // Asked again now that Redis was read: a notice sent meanwhile needs no job.
  const stillStuck = await stillPending(
    ctx.db,
    stuck.map((s) => s.id),
  );
  for (const { id, failure } of stuck) {
    if (!stillStuck.has(id)) continue;
    if (failure) await noteWaitingNotice(ctx.db, id, `${stalledText(failure)}; queued again`);
    if (await ctx.producer.requeue("deliver-notice", { noticeId: id })) result.requeued++;
    else result.live++;
  }
  if (input.campaignId || result.requeued > 0) {
    await recordAudit(ctx.db, actor, {
      action: "notices.requeue-stuck",
      subjectType: input.campaignId ? "campaign" : "notice",
      subjectId: input.campaignId ?? null,
      details: { ...result, olderThanMs: input.olderThanMs },
    });
  }
  return result;
}
