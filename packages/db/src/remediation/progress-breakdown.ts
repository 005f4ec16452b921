import { rows, type Conn } from "../transaction.ts";
import { durationMedian } from "./progress-median.ts";

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

// The figures of campaign_org_progress (alias p; summed when grouped), kept by triggers with the definitions
// of findProgressTotals, so a breakdown adds up to the campaign's totals.
const FIGURES = (sum: (column: string) => string) => `
  ${sum("hosts")} AS hosts, ${sum("notified")} AS notified, ${sum("answered")} AS answered,
  ${sum("still_open")} AS "stillOpen", ${sum("gone")} AS gone,
  ${sum("claimed_fixed_still_seen")} AS "claimedFixedStillSeen", ${sum("remediated")} AS remediated,
  ${sum("flagged")} AS flagged`;

// An organization's (alias of its id: `org`) hosts' latest answer time, read at the top of an index.
const lastAnswer = (org: string, column: string) => `(
  SELECT h.${column} FROM campaign_host h
   WHERE h.campaign_id = $1::uuid AND h.organization_id = ${org} AND h.answered_at IS NOT NULL
     ${column === "answer" ? "AND h.answer IS NOT NULL" : ""}
   ORDER BY h.answered_at DESC, h.id DESC LIMIT 1)`;

// Median hours (two decimals) of the durations `where` picks, `answers` and `gones` of them.
const MEDIAN_HOURS = (where: string, answers: string, gones: string) => `
  round((${durationMedian("answer", where, answers)} / 3600)::numeric, 2)::float8 AS "medianHoursToAnswer",
  round((${durationMedian("gone", where, gones)} / 3600)::numeric, 2)::float8 AS "medianHoursToGone"`;

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
  const found = await rows<OrganizationProgress & { total: number }>(
    conn,
    `WITH page AS (
      SELECT o.id, o.name, o.sector, ${FIGURES((c) => `p.${c}`)}, count(*) OVER ()::int AS total,
             p.answer_durations, p.gone_durations
        FROM campaign_org_progress p JOIN organization o ON o.id = p.organization_id
       WHERE p.campaign_id = $1::uuid AND ($2::text IS NULL OR coalesce(o.sector, '') = $2)
       ORDER BY p.still_open DESC, p.hosts DESC, o.name
       LIMIT $3 OFFSET $4
    )
    SELECT page.id, page.name, page.sector, page.hosts, page.notified, page.answered, page."stillOpen", page.gone,
           page."claimedFixedStillSeen", page.remediated, page.flagged, page.total,
           ${lastAnswer("page.id", "answered_at")} AS "lastAnswerAt",
           ${lastAnswer("page.id", "answer")}::text AS "latestAnswer",
           ${MEDIAN_HOURS(
             "d.campaign_id = $1::uuid AND d.organization_id = page.id",
             "page.answer_durations",
             "page.gone_durations",
           )}
      FROM page
     ORDER BY page."stillOpen" DESC, page.hosts DESC, page.name`,
    [campaignId, q.sector ?? null, q.pageSize, (q.page - 1) * q.pageSize],
  );
  const total = found[0]?.total ?? (q.page > 1 ? await countOrganizations(conn, campaignId, q.sector) : 0);
  return { total, items: found.map(({ total: _, ...o }) => o) };
}

async function countOrganizations(conn: Conn, campaignId: string, sector: string | undefined): Promise<number> {
  const [c] = await rows<{ n: number }>(
    conn,
    `SELECT count(*)::int AS n
       FROM campaign_org_progress p JOIN organization o ON o.id = p.organization_id
      WHERE p.campaign_id = $1::uuid AND ($2::text IS NULL OR coalesce(o.sector, '') = $2)`,
    [campaignId, sector ?? null],
  );
  return c!.n;
}

/** Per sector of the registry (null: organizations without one), where the campaign's hosts stand. */
export async function findSectorProgress(conn: Conn, campaignId: string): Promise<SectorProgress[]> {
  return rows<SectorProgress>(
    conn,
    `WITH per_sector AS (
      SELECT nullif(o.sector, '') AS sector, count(*)::int AS organizations, ${FIGURES((c) => `sum(p.${c})::int`)},
             max(${lastAnswer("p.organization_id", "answered_at")}) AS "lastAnswerAt",
             sum(p.answer_durations) AS answers, sum(p.gone_durations) AS gones
        FROM campaign_org_progress p JOIN organization o ON o.id = p.organization_id
       WHERE p.campaign_id = $1::uuid
       GROUP BY 1
    )
    SELECT s.sector, s.organizations, s.hosts, s.notified, s.answered, s."stillOpen", s.gone,
           s."claimedFixedStillSeen", s.remediated, s.flagged, s."lastAnswerAt",
           ${MEDIAN_HOURS("d.campaign_id = $1::uuid AND d.sector = coalesce(s.sector, '')", "s.answers", "s.gones")}
      FROM per_sector s
     ORDER BY "stillOpen" DESC, hosts DESC, 1 NULLS LAST`,
    [campaignId],
  );
}
