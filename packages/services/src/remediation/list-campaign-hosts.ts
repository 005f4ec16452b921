import { AppError } from "@baken/core";
import { Prisma } from "@baken/db";
import type { Ctx } from "../context.ts";
import { CLAIMED_FIXED_STILL_SEEN } from "./still-seen.ts";

export type HostFilter = {
  campaignId: string;
  state?: "open" | "notified" | "remediated" | "not_ours" | "gone";
  organizationId?: string;
  flagged?: boolean;
  /** only hosts claimed fixed that a later list still had */
  stillSeen?: boolean;
  page: number;
  pageSize: number;
};

export type CampaignHostRow = {
  id: number;
  ip: string | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  state: string;
  claimedFixedStillSeen: boolean;
  answer: string | null;
  answeredAt: Date | null;
  compromise: string | null;
  flagged: boolean;
  firstSeenAt: Date;
  lastSeenAt: Date;
  notifiedAt: Date | null;
  goneAt: Date | null;
  organization: { id: string; name: string } | null;
};

/** A campaign's hosts for follow-up, filtered and paged, flagged first, then by organization and address. */
export async function listCampaignHosts(ctx: Pick<Ctx, "db">, f: HostFilter) {
  const { prisma } = ctx.db;
  if (!(await prisma.campaign.findUnique({ where: { id: f.campaignId }, select: { id: true } }))) {
    throw new AppError("not_found", `Campaign ${f.campaignId} not found`);
  }
  const where = [Prisma.sql`h.campaign_id = ${f.campaignId}::uuid`];
  if (f.state) where.push(Prisma.sql`h.state = ${f.state}::"HostState"`);
  if (f.organizationId) where.push(Prisma.sql`h.organization_id = ${f.organizationId}::uuid`);
  if (f.flagged !== undefined) where.push(Prisma.sql`h.flagged = ${f.flagged}`);
  if (f.stillSeen !== undefined)
    where.push(f.stillSeen ? CLAIMED_FIXED_STILL_SEEN : Prisma.sql`NOT ${CLAIMED_FIXED_STILL_SEEN}`);
  const condition = Prisma.join(where, " AND ");

  const [rows, [{ total }]] = await Promise.all([
    prisma.$queryRaw<(Omit<CampaignHostRow, "organization"> & { orgId: string | null; orgName: string | null })[]>`
      SELECT h.id, abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.state::text AS state,
             ${CLAIMED_FIXED_STILL_SEEN} AS "claimedFixedStillSeen",
             h.answer::text AS answer, h.answered_at AS "answeredAt", h.compromise::text AS compromise, h.flagged,
             h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt", h.notified_at AS "notifiedAt",
             h.gone_at AS "goneAt", o.id::text AS "orgId", o.name AS "orgName"
        FROM campaign_host h LEFT JOIN organization o ON o.id = h.organization_id
       WHERE ${condition}
       ORDER BY h.flagged DESC, o.name NULLS LAST, h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST, h.id
       LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    prisma.$queryRaw<[{ total: number }]>`SELECT count(*)::int AS total FROM campaign_host h WHERE ${condition}`,
  ]);
  return {
    page: f.page,
    pageSize: f.pageSize,
    total,
    hosts: rows.map(({ orgId, orgName, ...h }): CampaignHostRow => ({
      ...h,
      organization: orgId ? { id: orgId, name: orgName ?? "" } : null,
    })),
  };
}
