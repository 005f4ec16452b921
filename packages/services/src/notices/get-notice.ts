import { notFound } from "@baken/core";
import { findFollowingNotices, findNoticeAttempts, findNoticeDetail, findNoticeReplies, noticeHosts } from "@baken/db";
import type { Ctx } from "../context.ts";
import { renderNoticeContent } from "./notice-view.ts";

/**
 * One notice for staff: recipients, every delivery attempt with the relay's answer, the owners' answers
 * through its link, the notices that repeat it, and the mail as it renders now (the owner's link shown as a
 * placeholder: staff never hold an owner's credential).
 */
export async function getNotice(ctx: Pick<Ctx, "db" | "config">, id: string) {
  const n = await findNoticeDetail(ctx.db, id);
  if (!n) throw notFound("Notice");
  const linkNoticeId = n.parent?.id ?? n.id;
  const [attempts, replies, following, hosts] = await Promise.all([
    findNoticeAttempts(ctx.db, n.id),
    findNoticeReplies(ctx.db, linkNoticeId),
    findFollowingNotices(ctx.db, n.id),
    noticeHosts(ctx.db, { id: n.id, kind: n.kind, parentId: n.parent?.id ?? null }),
  ]);
  const { rendered } =
    hosts.length > 0
      ? renderNoticeContent(ctx.config, {
          kind: n.kind,
          language: n.language,
          reference: n.reference,
          campaign: n.campaign,
          organizationName: n.organization.name,
          operator: n.organization.operator,
          hosts,
          link: `${ctx.config.publicBaseUrl}/r/…`,
          linkExpiresAt: n.parent ? n.parentTokenExpiresAt : n.tokenExpiresAt,
          firstNoticeAt: n.parent ? n.parentSentAt : null,
        })
      : { rendered: null };
  return {
    id: n.id,
    reference: n.reference,
    kind: n.kind,
    status: n.status,
    parent: n.parent,
    campaign: { id: n.campaign.id, name: n.campaign.name },
    organization: n.organization,
    recipients: n.recipients,
    language: n.language,
    attempts: n.attempts,
    lastError: n.lastError,
    messageId: n.messageId,
    smtpResponse: n.smtpResponse,
    hostCount: n.hostCount,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
    deliveries: attempts.map((a) => ({ ...a, at: a.at.toISOString() })),
    replies: replies.map((r) => ({ ...r, at: r.at.toISOString() })),
    following: following.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    mail: rendered ? { subject: rendered.subject, text: rendered.text } : null,
  };
}
