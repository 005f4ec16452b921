import { AppError } from "@baken/core";
import type { Actor, Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";

/**
 * Ends a notice's owner link at once. A reminder carries its initial notice's link, so revoking a reminder
 * revokes that link. Revoking twice changes nothing and records nothing the second time.
 */
export async function revokeNoticeLink(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { campaignId: string; noticeId: string },
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const notice = await tx.notice.findFirst({
      where: { id: input.noticeId, campaignId: input.campaignId },
      select: { id: true, parentId: true },
    });
    if (!notice) throw new AppError("not_found", `Notice ${input.noticeId} not found in campaign ${input.campaignId}`);
    const linkNoticeId = notice.parentId ?? notice.id;
    const link = await tx.notice.findUniqueOrThrow({
      where: { id: linkNoticeId },
      select: { tokenHash: true, tokenRevokedAt: true },
    });
    if (!link.tokenHash) throw new AppError("conflict", `Notice ${linkNoticeId} has no owner link to revoke`);
    if (link.tokenRevokedAt) {
      return { noticeId: notice.id, linkNoticeId, revokedAt: link.tokenRevokedAt, alreadyRevoked: true };
    }
    const revokedAt = new Date();
    // Conditional, so two revocations racing each other record one change, not two.
    const { count } = await tx.notice.updateMany({
      where: { id: linkNoticeId, tokenRevokedAt: null },
      data: { tokenRevokedAt: revokedAt },
    });
    if (count === 0) {
      const now = await tx.notice.findUniqueOrThrow({ where: { id: linkNoticeId }, select: { tokenRevokedAt: true } });
      return { noticeId: notice.id, linkNoticeId, revokedAt: now.tokenRevokedAt!, alreadyRevoked: true };
    }
    await recordAudit(tx, actor, {
      action: "notice.revoke_link",
      subjectType: "notice",
      subjectId: linkNoticeId,
      details: { campaignId: input.campaignId, requestedFor: notice.id },
    });
    return { noticeId: notice.id, linkNoticeId, revokedAt, alreadyRevoked: false };
  });
}
