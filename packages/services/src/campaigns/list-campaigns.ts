import type { Ctx } from "../context.ts";
import { campaignView } from "./campaign-view.ts";

/** Newest first, with how many hosts and notices each has. */
export async function listCampaigns(ctx: Pick<Ctx, "db">, input: { limit: number; offset: number }) {
  const { prisma } = ctx.db;
  const [total, rows] = await Promise.all([
    prisma.campaign.count(),
    prisma.campaign.findMany({
      orderBy: { createdAt: "desc" },
      take: input.limit,
      skip: input.offset,
      include: { _count: { select: { hosts: true, notices: true, lists: true } } },
    }),
  ]);
  return {
    total,
    campaigns: rows.map((c) => ({
      ...campaignView(c),
      counts: { lists: c._count.lists, hosts: c._count.hosts, notices: c._count.notices },
    })),
  };
}
