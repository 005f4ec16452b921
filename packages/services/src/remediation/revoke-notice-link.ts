import { AppError } from "@baken/core";
import { findNoticeLink, recordAudit, revokeLink, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/**
 * Ends a notice's owner link at once. A reminder carries its initial notice's link, so revoking a reminder
 * revokes that link. Revoking twice changes nothing and records nothing the second time.
 */
export async function revokeNoticeLink(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { campaignId: string; noticeId: string },
) {
  return withTransaction(ctx.db, async (tx) => {
    const notice = await findNoticeLink(tx, input.campaignId, input.noticeId);
    if (!notice) throw new AppError("not_found", `Notice ${input.noticeId} not found in campaign ${input.campaignId}`);
    const { linkNoticeId } = notice;
    if (!notice.hasLink) throw new AppError("conflict", `Notice ${linkNoticeId} has no owner link to revoke`);
    if (notice.revokedAt) {
      return { noticeId: notice.id, linkNoticeId, revokedAt: notice.revokedAt, alreadyRevoked: true };
    }
    const revokedAt = new Date();
    const earlier = await revokeLink(tx, linkNoticeId, revokedAt);
    if (earlier) return { noticeId: notice.id, linkNoticeId, revokedAt: earlier, alreadyRevoked: true };
    await recordAudit(tx, actor, {
      action: "notice.revoke_link",
      subjectType: "notice",
      subjectId: linkNoticeId,
      details: { campaignId: input.campaignId, requestedFor: notice.id },
    });
    return { noticeId: notice.id, linkNoticeId, revokedAt, alreadyRevoked: false };
  });
}
