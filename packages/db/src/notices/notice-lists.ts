import type { Db } from "../client.ts";
import type { NoticeStatus } from "@baken/core";

/** A campaign's notices, newest first, a page at a time, and how many are in each status. */
export async function findCampaignNotices(
  db: Db,
  q: { campaignId: string; status?: NoticeStatus; limit: number; offset: number },
) {
  const [groups, notices] = await Promise.all([
    db.prisma.notice.groupBy({ by: ["status"], where: { campaignId: q.campaignId }, _count: { _all: true } }),
    db.prisma.notice.findMany({
      where: { campaignId: q.campaignId, status: q.status },
      orderBy: [{ createdAt: "desc" }, { reference: "desc" }],
      take: q.limit,
      skip: q.offset,
      include: { organization: { select: { id: true, name: true } } },
    }),
  ]);
  return { byStatus: new Map(groups.map((g) => [g.status, g._count._all])), notices };
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
