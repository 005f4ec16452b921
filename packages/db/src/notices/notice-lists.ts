import type { Db } from "../client.ts";
import type { Language, NoticeStatus } from "@baken/core";
import { rows } from "../transaction.ts";

/**
 * A campaign's notices, newest first, a page at a time (filtered by status, language and organization name),
 * how many match, and how many are in each status.
 */
export async function findCampaignNotices(
  db: Db,
  q: { campaignId: string; status?: NoticeStatus; language?: Language; q?: string; limit: number; offset: number },
) {
  const where = {
    campaignId: q.campaignId,
    status: q.status,
    language: q.language,
    organization: q.q ? { name: { contains: q.q, mode: "insensitive" as const } } : undefined,
  };
  const [groups, matching, notices] = await Promise.all([
    db.prisma.notice.groupBy({ by: ["status"], where: { campaignId: q.campaignId }, _count: { _all: true } }),
    db.prisma.notice.count({ where }),
    db.prisma.notice.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { reference: "desc" }],
      take: q.limit,
      skip: q.offset,
      include: { organization: { select: { id: true, name: true } }, redirect: { select: { id: true } } },
    }),
  ]);
  return { byStatus: new Map(groups.map((g) => [g.status, g._count._all])), matching, notices };
}

/**
 * What became of a campaign's notices once they left: `sent` ones delivered (as far as is known), `bounced`
 * ones, and of those the ones redirected to a fallback contact and the ones with no one left.
 */
export async function campaignDelivery(db: Db, campaignId: string) {
  const [row] = await rows<{ delivered: number; bounced: number; redirected: number; noContactLeft: number }>(
    db,
    `SELECT count(*) FILTER (WHERE n.status = 'sent')::int AS delivered,
            count(*) FILTER (WHERE n.status = 'bounced')::int AS bounced,
            count(*) FILTER (WHERE n.status = 'bounced' AND r.id IS NOT NULL)::int AS redirected,
            count(*) FILTER (WHERE n.status = 'bounced' AND r.id IS NULL)::int AS "noContactLeft"
       FROM notice n LEFT JOIN notice r ON r.redirect_of = n.id
      WHERE n.campaign_id = $1::uuid`,
    [campaignId],
  );
  return row!;
}

/** An organization's notices, newest first, each with its campaign and the owner's answers (newest first). */
export async function findOrganizationNotices(db: Db, organizationId: string, limit: number) {
  return db.prisma.notice.findMany({
    where: { organizationId },
    orderBy: { createdAt: "desc" },
    take: limit,
    include: {
      campaign: { select: { id: true, name: true } },
      replies: { orderBy: { at: "desc" }, include: { host: { select: { ip: true, port: true, hostname: true } } } },
    },
  });
}
