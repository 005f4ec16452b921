import type { CampaignHost } from "@baken/core";
import { rows, type Conn } from "../transaction.ts";
import { CLAIMED_FIXED_STILL_SEEN, STILL_SEEN } from "./still-seen.ts";

export type HostFilter = {
  campaignId: string;
  state?: CampaignHost["state"];
  organizationId?: string;
  flagged?: boolean;
  /** only hosts claimed fixed that a later list still had */
  stillSeen?: boolean;
  page: number;
  pageSize: number;
};

/** A campaign's host as staff follow it up. */
export type CampaignHostRow = Pick<
  CampaignHost,
  | "id"
  | "ip"
  | "port"
  | "protocol"
  | "hostname"
  | "state"
  | "answer"
  | "answeredAt"
  | "compromise"
  | "flagged"
  | "firstSeenAt"
  | "lastSeenAt"
  | "notifiedAt"
  | "goneAt"
> & {
  claimedFixedStillSeen: boolean;
  organization: { id: string; name: string } | null;
};

/** A page of a campaign's hosts, flagged first, then by organization and address; and how many match. */
export async function findCampaignHosts(conn: Conn, f: HostFilter) {
  const params: unknown[] = [f.campaignId];
  const where = [`h.campaign_id = $1::uuid`];
  if (f.state) where.push(`h.state = $${params.push(f.state)}::"HostState"`);
  if (f.organizationId) where.push(`h.organization_id = $${params.push(f.organizationId)}::uuid`);
  if (f.flagged !== undefined) where.push(`h.flagged = $${params.push(f.flagged)}`);
  if (f.stillSeen !== undefined) where.push(f.stillSeen ? CLAIMED_FIXED_STILL_SEEN : `NOT ${CLAIMED_FIXED_STILL_SEEN}`);
  const condition = where.join(" AND ");
  const [found, [count]] = await Promise.all([
    rows<Omit<CampaignHostRow, "organization"> & { orgId: string | null; orgName: string | null }>(
      conn,
      `SELECT h.id, abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.state::text AS state,
              ${CLAIMED_FIXED_STILL_SEEN} AS "claimedFixedStillSeen",
              h.answer::text AS answer, h.answered_at AS "answeredAt", h.compromise::text AS compromise, h.flagged,
              h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt", h.notified_at AS "notifiedAt",
              h.gone_at AS "goneAt", o.id::text AS "orgId", o.name AS "orgName"
         FROM campaign_host h LEFT JOIN organization o ON o.id = h.organization_id
        WHERE ${condition}
        ORDER BY h.flagged DESC, o.name NULLS LAST, h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST, h.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    ),
    rows<{ total: number }>(conn, `SELECT count(*)::int AS total FROM campaign_host h WHERE ${condition}`, params),
  ]);
  const hosts = found.map(({ orgId, orgName, ...h }): CampaignHostRow => ({
    ...h,
    organization: orgId ? { id: orgId, name: orgName ?? "" } : null,
  }));
  return { hosts, total: count!.total };
}

/** A host a reminder lists: still seen (STILL_SEEN), and whether its owner had claimed it fixed. */
export type StillSeenHost = Pick<
  CampaignHost,
  "id" | "ip" | "port" | "protocol" | "hostname" | "tag" | "version" | "firstSeenAt" | "lastSeenAt"
> & {
  /** true: the owner said patched or mitigated, and a later list still had it */
  claimedFixed: boolean;
};

/** The hosts a reminder to this organization lists (what is still seen), in the notice's order. */
export async function findStillSeenHosts(
  conn: Conn,
  input: { campaignId: string; organizationId: string },
): Promise<StillSeenHost[]> {
  return rows<StillSeenHost>(
    conn,
    `SELECT h.id, abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.tag, h.version,
            h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt", h.answer IS NOT NULL AS "claimedFixed"
       FROM campaign_host h
      WHERE h.campaign_id = $1::uuid AND h.organization_id = $2::uuid AND ${STILL_SEEN}
      ORDER BY h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST, h.id`,
    [input.campaignId, input.organizationId],
  );
}
