import { rows, type Conn } from "../transaction.ts";
import { CLAIMED_FIXED_STILL_SEEN } from "./still-seen.ts";

export type ProgressDay = {
  day: string;
  notified: number;
  answered: number;
  claimedFixed: number;
  gone: number;
  stillOpen: number;
};

export type ProgressTotals = {
  hosts: number;
  notified: number;
  answered: number;
  claimedFixed: number;
  claimedFixedStillSeen: number;
  gone: number;
  notOurs: number;
  stillOpen: number;
  remediated: number;
  flagged: number;
};

// The cohort is the campaign ($1)'s notified hosts; a host's "gone" counts only while it is gone (state gone).
const COHORT = `
  h AS (
    SELECT id, notified_at, CASE WHEN state = 'gone' THEN gone_at END AS gone_at
      FROM campaign_host
     WHERE campaign_id = $1::uuid AND notified_at IS NOT NULL
  ), r AS (
    -- each reply holds from its time until the host's next reply
    SELECT r.host_id, r.answer, r.at, lead(r.at) OVER (PARTITION BY r.host_id ORDER BY r.at, r.id) AS until
      FROM remediation_reply r JOIN h ON h.id = r.host_id
  ), first_answer AS (
    SELECT host_id, min(at) AS at FROM r GROUP BY host_id
  )`;

/**
 * Per UTC day, from the first notice to today, the counts at the end of that day (cumulative): hosts
 * notified; answered at least once; whose current answer is patched or mitigated (claimed fixed); gone from a
 * later list; still open (notified, not gone, and not answered, or answered investigating / needs help).
 * Each series is a running sum of per-day changes, so the work grows with events, not with days times hosts.
 */
export async function findProgressDays(conn: Conn, campaignId: string): Promise<ProgressDay[]> {
  return rows<ProgressDay>(
    conn,
    `WITH ${COHORT}, open_span AS (
      -- open from the notice to the first answer, and during each investigating / needs-help answer; never once gone
      SELECT greatest(o.s, h.notified_at) AS s, least(o.e, coalesce(h.gone_at, 'infinity')) AS e
        FROM (
          SELECT h.id AS host_id, h.notified_at AS s, coalesce(fa.at, 'infinity'::timestamptz) AS e
            FROM h LEFT JOIN first_answer fa ON fa.host_id = h.id
          UNION ALL
          SELECT host_id, at, coalesce(until, 'infinity') FROM r WHERE answer IN ('investigating', 'needs_help')
        ) o JOIN h ON h.id = o.host_id
    ), events (at, notified, answered, claimed_fixed, gone, still_open) AS (
      SELECT notified_at, 1, 0, 0, 0, 0 FROM h
      UNION ALL SELECT at, 0, 1, 0, 0, 0 FROM first_answer
      UNION ALL SELECT at, 0, 0, 1, 0, 0 FROM r WHERE answer IN ('patched', 'mitigated')
      UNION ALL SELECT until, 0, 0, -1, 0, 0 FROM r WHERE answer IN ('patched', 'mitigated') AND until IS NOT NULL
      UNION ALL SELECT gone_at, 0, 0, 0, 1, 0 FROM h WHERE gone_at IS NOT NULL
      UNION ALL SELECT s, 0, 0, 0, 0, 1 FROM open_span WHERE s < e
      UNION ALL SELECT e, 0, 0, 0, 0, -1 FROM open_span WHERE s < e AND e < 'infinity'
    ), daily AS (
      SELECT (at AT TIME ZONE 'UTC')::date AS day, sum(notified) AS notified, sum(answered) AS answered,
             sum(claimed_fixed) AS claimed_fixed, sum(gone) AS gone, sum(still_open) AS still_open
        FROM events GROUP BY 1
    ), days AS (
      SELECT g::date AS day
        FROM (SELECT min(day) AS first, max(day) AS last FROM daily) b,
             generate_series(b.first, greatest(b.last, (now() AT TIME ZONE 'UTC')::date), interval '1 day') g
    )
    SELECT to_char(days.day, 'YYYY-MM-DD') AS day,
           (sum(coalesce(d.notified, 0)) OVER w)::int AS notified,
           (sum(coalesce(d.answered, 0)) OVER w)::int AS answered,
           (sum(coalesce(d.claimed_fixed, 0)) OVER w)::int AS "claimedFixed",
           (sum(coalesce(d.gone, 0)) OVER w)::int AS gone,
           (sum(coalesce(d.still_open, 0)) OVER w)::int AS "stillOpen"
      FROM days LEFT JOIN daily d USING (day)
    WINDOW w AS (ORDER BY days.day)
     ORDER BY days.day`,
    [campaignId],
  );
}

/** Where the campaign's hosts stand now. */
export async function findProgressTotals(conn: Conn, campaignId: string): Promise<ProgressTotals> {
  const [totals] = await rows<ProgressTotals>(
    conn,
    `SELECT count(*)::int AS hosts,
           count(*) FILTER (WHERE n)::int AS notified,
           count(*) FILTER (WHERE n AND answer IS NOT NULL)::int AS answered,
           count(*) FILTER (WHERE n AND answer IN ('patched', 'mitigated'))::int AS "claimedFixed",
           count(*) FILTER (WHERE n AND still_seen)::int AS "claimedFixedStillSeen",
           count(*) FILTER (WHERE n AND state = 'gone')::int AS gone,
           count(*) FILTER (WHERE n AND state = 'not_ours')::int AS "notOurs",
           count(*) FILTER (WHERE n AND state <> 'gone'
                              AND (answer IS NULL OR answer IN ('investigating', 'needs_help')))::int AS "stillOpen",
           count(*) FILTER (WHERE n AND (state = 'gone' OR (state = 'remediated' AND NOT still_seen)))::int AS remediated,
           count(*) FILTER (WHERE flagged)::int AS flagged
      FROM (SELECT h.*, h.notified_at IS NOT NULL AS n, ${CLAIMED_FIXED_STILL_SEEN} AS still_seen
              FROM campaign_host h WHERE h.campaign_id = $1::uuid) c`,
    [campaignId],
  );
  return totals!;
}

/** Median seconds from notice to first answer, and to gone (null when none). */
export async function findProgressMedians(conn: Conn, campaignId: string) {
  const [medians] = await rows<{ toAnswer: number | null; toGone: number | null }>(
    conn,
    `WITH ${COHORT}
    SELECT (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM fa.at - h.notified_at))
              FROM h JOIN first_answer fa ON fa.host_id = h.id) AS "toAnswer",
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.gone_at - h.notified_at))
              FROM h WHERE h.gone_at IS NOT NULL) AS "toGone"`,
    [campaignId],
  );
  return medians!;
}
