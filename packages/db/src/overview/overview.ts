import type { Db } from "../client.ts";
import { CLAIMED_FIXED_STILL_SEEN } from "../remediation/still-seen.ts";
import { rows } from "../transaction.ts";

/** How many days the overview's small trend covers. */
export const TREND_DAYS = 14;

export type CampaignFigures = {
  id: string;
  name: string;
  createdAt: string;
  hosts: number;
  organizations: number;
  notified: number;
  answered: number;
  /** Notified hosts gone from a later list, or claimed fixed and not seen since (as the progress page counts). */
  remediated: number;
  flagged: number;
  /** Hosts resolved (gone, or answered patched / mitigated) per UTC day, the last TREND_DAYS days, oldest first. */
  trend: number[];
};

/** The newest campaigns with their figures, each from one pass over its hosts. */
export async function findCampaignFigures(db: Db, limit: number): Promise<CampaignFigures[]> {
  return rows<CampaignFigures>(
    db,
    `WITH c AS (SELECT id, name, created_at FROM campaign ORDER BY created_at DESC LIMIT $1),
          days AS (SELECT generate_series((now() AT TIME ZONE 'UTC')::date - ($2::int - 1), (now() AT TIME ZONE 'UTC')::date, '1 day')::date AS day)
     SELECT c.id, c.name, to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            f.hosts, f.organizations, f.notified, f.answered, f.remediated, f.flagged,
            (SELECT array_agg(coalesce(t.n, 0) ORDER BY days.day)::int[]
               FROM days LEFT JOIN (
                 SELECT (coalesce(CASE WHEN h.state = 'gone' THEN h.gone_at END, h.answered_at) AT TIME ZONE 'UTC')::date AS day,
                        count(*)::int AS n
                   FROM campaign_host h
                  WHERE h.campaign_id = c.id AND h.notified_at IS NOT NULL
                    AND (h.state = 'gone' OR h.answer IN ('patched', 'mitigated'))
                    AND coalesce(CASE WHEN h.state = 'gone' THEN h.gone_at END, h.answered_at) >= now() - make_interval(days => $2::int)
                  GROUP BY 1) t ON t.day = days.day) AS trend
       FROM c CROSS JOIN LATERAL (
         SELECT count(*)::int AS hosts, count(DISTINCT h.organization_id)::int AS organizations,
                count(*) FILTER (WHERE h.notified_at IS NOT NULL)::int AS notified,
                count(*) FILTER (WHERE h.notified_at IS NOT NULL AND h.answer IS NOT NULL)::int AS answered,
                count(*) FILTER (WHERE h.notified_at IS NOT NULL AND (h.state = 'gone'
                                   OR (h.state = 'remediated' AND NOT ${CLAIMED_FIXED_STILL_SEEN})))::int AS remediated,
                count(*) FILTER (WHERE h.flagged)::int AS flagged
           FROM campaign_host h WHERE h.campaign_id = c.id) f
      ORDER BY c.created_at DESC`,
    [limit, TREND_DAYS],
  );
}

export type RegistryFigures = {
  organizations: number;
  /** Organizations with at least one active contact: the ones a notice can reach. */
  reachable: number;
  networks: number;
  domains: number;
  asns: number;
  /** Campaign hosts, and those matched to an organization. */
  hosts: number;
  matchedHosts: number;
};

export async function findRegistryFigures(db: Db): Promise<RegistryFigures> {
  const [r] = await rows<RegistryFigures>(
    db,
    `SELECT (SELECT count(*) FROM organization)::int AS organizations,
            (SELECT count(DISTINCT organization_id) FROM contact WHERE active)::int AS reachable,
            (SELECT count(*) FROM network)::int AS networks,
            (SELECT count(*) FROM domain)::int AS domains,
            (SELECT count(*) FROM autonomous_system)::int AS asns,
            h.hosts, h.matched AS "matchedHosts"
       FROM (SELECT count(*)::int AS hosts, count(organization_id)::int AS matched FROM campaign_host) h`,
  );
  return r!;
}
