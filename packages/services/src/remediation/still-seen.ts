import { Prisma } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * "Claimed fixed, still seen" on campaign_host (alias h): the owner said patched or mitigated, and a list
 * uploaded after that answer still had the host. Such a host is usually `remediated` (ingest keeps that
 * state when it sees it again), or `notified` when it had gone and came back.
 */
export const CLAIMED_FIXED_STILL_SEEN = Prisma.sql`coalesce(h.state IN ('notified', 'remediated')
  AND h.answer IN ('patched', 'mitigated') AND h.last_seen_at > h.answered_at, false)`;

/**
 * The hosts a reminder is about ("still seen"), as a condition on campaign_host (alias h): notified and
 * never answered, or claimed fixed and still seen. A host answered "investigating" or "needs help" is being
 * handled and is not chased; not-ours and gone hosts are closed. Reminders do not link hosts
 * (campaign_host.notice_id stays the initial notice), so the reminder mail derives its hosts from this
 * condition over (campaign, organization) when it is rendered: findStillSeenHosts.
 */
export const STILL_SEEN = Prisma.sql`h.notice_id IS NOT NULL AND (
  (h.state = 'notified' AND h.answer IS NULL) OR ${CLAIMED_FIXED_STILL_SEEN})`;

export type StillSeenHost = {
  id: number;
  ip: string | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  tag: string | null;
  version: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** true: the owner said patched or mitigated, and a later list still had it */
  claimedFixed: boolean;
};

/** The hosts a reminder to this organization lists (what is still seen), in the notice's order. */
export async function findStillSeenHosts(
  ctx: Pick<Ctx, "db">,
  input: { campaignId: string; organizationId: string },
): Promise<StillSeenHost[]> {
  return ctx.db.prisma.$queryRaw<StillSeenHost[]>`
    SELECT h.id, abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.tag, h.version,
           h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt", h.answer IS NOT NULL AS "claimedFixed"
      FROM campaign_host h
     WHERE h.campaign_id = ${input.campaignId}::uuid AND h.organization_id = ${input.organizationId}::uuid
       AND ${STILL_SEEN}
     ORDER BY h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST, h.id`;
}
