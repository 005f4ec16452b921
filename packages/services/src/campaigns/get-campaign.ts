import { notFound } from "@baken/core";
import type { Ctx } from "../context.ts";
import { campaignView } from "./campaign-view.ts";

const HOST_STATES = ["open", "notified", "remediated", "not_ours", "gone"] as const;
const NOTICE_STATUSES = ["queued", "sending", "sent", "failed"] as const;

/** A campaign with its lists and where its hosts and notices stand. */
export async function getCampaign(ctx: Pick<Ctx, "db">, input: { id: string }) {
  const { prisma } = ctx.db;
  const campaign = await prisma.campaign.findUnique({
    where: { id: input.id },
    include: {
      lists: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, rowCount: true, acceptedCount: true, createdAt: true },
      },
    },
  });
  if (!campaign) throw notFound("Campaign");
  const [hosts, unmatched, notices] = await Promise.all([
    prisma.campaignHost.groupBy({ by: ["state"], where: { campaignId: input.id }, _count: { _all: true } }),
    prisma.campaignHost.count({ where: { campaignId: input.id, organizationId: null } }),
    prisma.notice.groupBy({ by: ["status"], where: { campaignId: input.id }, _count: { _all: true } }),
  ]);
  return {
    ...campaignView(campaign),
    lists: campaign.lists.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })),
    hosts: {
      ...Object.fromEntries(HOST_STATES.map((s) => [s, hosts.find((h) => h.state === s)?._count._all ?? 0])),
      unmatched,
    } as Record<(typeof HOST_STATES)[number] | "unmatched", number>,
    notices: Object.fromEntries(
      NOTICE_STATUSES.map((s) => [s, notices.find((n) => n.status === s)?._count._all ?? 0]),
    ) as Record<(typeof NOTICE_STATUSES)[number], number>,
  };
}
