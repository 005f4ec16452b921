import type { Ctx } from "../context.ts";
import type { OwnerLink } from "./open-owner-link.ts";

/**
 * What the owner's page shows: the campaign and this organization's hosts of it, nothing of any other
 * organization (the hosts are selected by the notice's organization, never by anything the browser sends).
 */
export async function getOwnerView(ctx: Pick<Ctx, "db">, link: OwnerLink) {
  const { prisma } = ctx.db;
  const [campaign, organization, hosts] = await Promise.all([
    prisma.campaign.findUniqueOrThrow({
      where: { id: link.campaignId },
      select: { name: true, description: true, cves: true, tlp: true, advice: true, compromiseSince: true },
    }),
    prisma.organization.findUniqueOrThrow({ where: { id: link.organizationId }, select: { name: true } }),
    prisma.campaignHost.findMany({
      where: { campaignId: link.campaignId, organizationId: link.organizationId },
      orderBy: [{ ip: "asc" }, { port: "asc" }, { hostname: "asc" }, { id: "asc" }],
      select: {
        id: true,
        ip: true,
        port: true,
        protocol: true,
        hostname: true,
        state: true,
        firstSeenAt: true,
        lastSeenAt: true,
        goneAt: true,
        answer: true,
        answeredAt: true,
        compromise: true,
      },
    }),
  ]);
  return { link, campaign, organization, hosts };
}

export type OwnerView = Awaited<ReturnType<typeof getOwnerView>>;
