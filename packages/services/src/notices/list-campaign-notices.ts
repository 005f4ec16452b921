import { notFound } from "@baken/core";
import type { NoticeStatus } from "@baken/db";
import type { Ctx } from "../context.ts";

const STATUSES = ["queued", "sending", "sent", "failed"] as const;

/** A campaign's notices (newest first, filterable by status) and how many are in each status. */
export async function listCampaignNotices(
  ctx: Pick<Ctx, "db">,
  input: { campaignId: string; status?: NoticeStatus; limit: number; offset: number },
) {
  const { prisma } = ctx.db;
  if (!(await prisma.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } })))
    throw notFound("Campaign");
  const where = { campaignId: input.campaignId, status: input.status };
  const [groups, rows] = await Promise.all([
    prisma.notice.groupBy({ by: ["status"], where: { campaignId: input.campaignId }, _count: { _all: true } }),
    prisma.notice.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { reference: "desc" }],
      take: input.limit,
      skip: input.offset,
      include: { organization: { select: { id: true, name: true } } },
    }),
  ]);
  const counts = Object.fromEntries(
    STATUSES.map((s) => [s, groups.find((g) => g.status === s)?._count._all ?? 0]),
  ) as Record<NoticeStatus, number>;
  return {
    counts: { ...counts, total: STATUSES.reduce((sum, s) => sum + counts[s], 0) },
    notices: rows.map((n) => ({
      id: n.id,
      reference: n.reference,
      kind: n.kind,
      parentId: n.parentId,
      organization: n.organization,
      recipients: n.recipients,
      language: n.language,
      status: n.status,
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
