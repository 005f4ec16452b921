import { notFound, NOTICE_STATUSES, type Language, type NoticeStatus } from "@baken/core";
import { campaignDelivery, campaignExists, findCampaignNotices } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * A campaign's notices (newest first, filterable by status, language and organization name), how many match,
 * and how many are in each status.
 */
export async function listCampaignNotices(
  ctx: Pick<Ctx, "db">,
  input: { campaignId: string; status?: NoticeStatus; language?: Language; q?: string; limit: number; offset: number },
) {
  if (!(await campaignExists(ctx.db, input.campaignId))) throw notFound("Campaign");
  const { byStatus, matching, notices } = await findCampaignNotices(ctx.db, input);
  const delivery = await campaignDelivery(ctx.db, input.campaignId);
  const counts = Object.fromEntries(NOTICE_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<
    NoticeStatus,
    number
  >;
  return {
    counts: { ...counts, total: NOTICE_STATUSES.reduce((sum, s) => sum + counts[s], 0) },
    matching,
    delivery,
    notices: notices.map((n) => ({
      id: n.id,
      reference: n.reference,
      kind: n.kind,
      parentId: n.parentId,
      organization: n.organization,
      recipients: n.recipients,
      language: n.language,
      status: n.status,
      redirectOf: n.redirectOf,
      redirectId: n.redirect?.id ?? null,
      attempts: n.attempts,
      lastError: n.lastError,
      messageId: n.messageId,
      smtpResponse: n.smtpResponse,
      hostCount: n.hostCount,
      createdAt: n.createdAt.toISOString(),
      sentAt: n.sentAt?.toISOString() ?? null,
    })),
  };
}
