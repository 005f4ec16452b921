import { rows, type Conn } from "../transaction.ts";
import { CLAIMED_FIXED_STILL_SEEN } from "./still-seen.ts";

/** Where one group's (an organization's, a sector's) hosts in a campaign stand now. */
export type ProgressGroup = {
  hosts: number;
  notified: number;
  answered: number;
  /** notified, not gone, and not answered or answered investigating / needs help */
  stillOpen: number;
  gone: number;
  claimedFixedStillSeen: number;
  /** gone, or claimed fixed and not seen since */
  remediated: number;
  flagged: number;
  lastAnswerAt: Date | null;
  medianHoursToAnswer: number | null;
  medianHoursToGone: number | null;
};

export type OrganizationProgress = ProgressGroup & {
  id: string;
  name: string;
  sector: string | null;
  /** the latest answer of any of its hosts */
  latestAnswer: string | null;
};

export type SectorProgress = ProgressGroup & { sector: string | null; organizations: number };

// One row per host of the campaign ($1) with an organization, with its first answer's time. The same
// definitions as findProgressTotals, so a breakdown adds up to the campaign's totals.
const HOSTS = `
  hosts AS (
    SELECT h.organization_id, h.state, h.answer, h.answered_at, h.flagged,
           h.notified_at IS NOT NULL AS n, h.notified_at, CASE WHEN h.state = 'gone' THEN h.gone_at END AS gone_at,
           ${CLAIMED_FIXED_STILL_SEEN} AS still_seen,
           fa.at AS first_answer_at
      FROM campaign_host h
      LEFT JOIN (
        -- every answer of the campaign's notices at once (a hash join), not a lookup per host
        SELECT r.host_id, min(r.at) AS at
          FROM remediation_reply r JOIN notice n ON n.id = r.notice_id
         WHERE n.campaign_id = $1::uuid
         GROUP BY r.host_id
      ) fa ON fa.host_id = h.id
     WHERE h.campaign_id = $1::uuid AND h.organization_id IS NOT NULL
  )`;

const FIGURES = `
  count(*)::int AS hosts,
  count(*) FILTER (WHERE n)::int AS notified,
  count(*) FILTER (WHERE n AND answer IS NOT NULL)::int AS answered,
  count(*) FILTER (WHERE n AND state <> 'gone'
                     AND (answer IS NULL OR answer IN ('investigating', 'needs_help')))::int AS "stillOpen",
  count(*) FILTER (WHERE n AND state = 'gone')::int AS gone,
  count(*) FILTER (WHERE n AND still_seen)::int AS "claimedFixedStillSeen",
  count(*) FILTER (WHERE n AND (state = 'gone' OR (state = 'remediated' AND NOT still_seen)))::int AS remediated,
  count(*) FILTER (WHERE flagged)::int AS flagged,
  max(answered_at) AS "lastAnswerAt",
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_answer_at - notified_at)) / 3600)::numeric, 2)::float8
    AS "medianHoursToAnswer",
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM gone_at - notified_at)) / 3600)::numeric, 2)::float8
    AS "medianHoursToGone"`;

export type OrganizationProgressQuery = { sector?: string; page: number; pageSize: number };

/**
 * Per organization of a campaign, where its hosts stand, most still-open hosts first; one page, and how many
 * organizations there are. `sector` "" picks the organizations without one.
 */
export async function findOrganizationProgress(
  conn: Conn,
  campaignId: string,
  q: OrganizationProgressQuery,
): Promise<{ total: number; items: OrganizationProgress[] }> {
  const found = await rows<OrganizationProgress & { total: number; organization_id: string }>(
    conn,
    `WITH ${HOSTS}, per_org AS (
      SELECT organization_id, ${FIGURES},
             (array_agg(answer::text ORDER BY answered_at DESC) FILTER (WHERE answer IS NOT NULL))[1] AS "latestAnswer"
        FROM hosts GROUP BY organization_id
    )
    SELECT o.id, o.name, o.sector, p.*, count(*) OVER ()::int AS total
      FROM per_org p JOIN organization o ON o.id = p.organization_id
     WHERE $2::text IS NULL OR coalesce(o.sector, '') = $2
     ORDER BY p."stillOpen" DESC, p.hosts DESC, o.name
     LIMIT $3 OFFSET $4`,
    [campaignId, q.sector ?? null, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const total = found[0]?.total ?? (q.page > 1 ? await countOrganizations(conn, campaignId, q.sector) : 0);
  return { total, items: found.map(({ total: _, organization_id: __, ...o }) => o) };
}

async function countOrganizations(conn: Conn, campaignId: string, sector: string | undefined): Promise<number> {
  const [c] = await rows<{ n: number }>(
    conn,
    `SELECT count(DISTINCT h.organization_id)::int AS n
       FROM campaign_host h JOIN organization o ON o.id = h.organization_id
      WHERE h.campaign_id = $1::uuid AND ($2::text IS NULL OR coalesce(o.sector, '') = $2)`,
    [campaignId, sector ?? null],
  );
  return c!.n;
}

/** Per sector of the registry (null: organizations without one), where the campaign's hosts stand. */
export async function findSectorProgress(conn: Conn, campaignId: string): Promise<SectorProgress[]> {
  return rows<SectorProgress>(
    conn,
    `WITH ${HOSTS}
    SELECT nullif(o.sector, '') AS sector, count(DISTINCT hosts.organization_id)::int AS organizations, ${FIGURES}
      FROM hosts JOIN organization o ON o.id = hosts.organization_id
     GROUP BY 1
     ORDER BY "stillOpen" DESC, hosts DESC, 1 NULLS LAST`,
    [campaignId],
  );
}
