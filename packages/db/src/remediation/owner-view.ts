import type { Db } from "../client.ts";

/**
 * What an owner's page shows: the campaign and this organization's hosts of it, nothing of any other
 * organization (the hosts are selected by the link's organization, never by anything the browser sends).
 */
export async function findOwnerView(db: Db, link: { campaignId: string; organizationId: string }) {
  const { prisma } = db;
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
  return { campaign, organization, hosts };
}
