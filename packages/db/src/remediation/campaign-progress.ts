import { rows, type Conn } from "../transaction.ts";
import { durationMedian } from "./progress-median.ts";

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

/**
 * Per UTC day, from the first notice to today, the counts at the end of that day (cumulative): hosts
 * notified; answered at least once; whose current answer is patched or mitigated (claimed fixed); gone from a
 * later list; still open (notified, not gone, and not answered, or answered investigating / needs help).
 * Each series is a running sum of the per-day changes that campaign_progress_day keeps (its triggers compute
 * them with these definitions: migration 20261201002000_campaign_progress_aggregates), so reading it costs
 * the campaign's days, not its hosts.
 */
export async function findProgressDays(conn: Conn, campaignId: string): Promise<ProgressDay[]> {
  return rows<ProgressDay>(
    conn,
    `WITH daily AS (
      SELECT day, notified, answered, claimed_fixed, gone, still_open
        FROM campaign_progress_day WHERE campaign_id = $1::uuid
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

/**
 * Where the campaign's hosts stand now: the sum of campaign_org_progress, which counts every host (notified
 * or not, with an organization or not) by its current row: "claimed fixed, still seen" is the owner's patched
 * or mitigated answer with a list seeing the host after it (CLAIMED_FIXED_STILL_SEEN).
 */
export async function findProgressTotals(conn: Conn, campaignId: string): Promise<ProgressTotals> {
  const [totals] = await rows<ProgressTotals>(
    conn,
    `SELECT coalesce(sum(hosts), 0)::int AS hosts,
            coalesce(sum(notified), 0)::int AS notified,
            coalesce(sum(answered), 0)::int AS answered,
            coalesce(sum(claimed_fixed), 0)::int AS "claimedFixed",
            coalesce(sum(claimed_fixed_still_seen), 0)::int AS "claimedFixedStillSeen",
            coalesce(sum(gone), 0)::int AS gone,
            coalesce(sum(not_ours), 0)::int AS "notOurs",
            coalesce(sum(still_open), 0)::int AS "stillOpen",
            coalesce(sum(remediated), 0)::int AS remediated,
            coalesce(sum(flagged), 0)::int AS flagged
       FROM campaign_org_progress WHERE campaign_id = $1::uuid`,
    [campaignId],
  );
  return totals!;
}

/** Median seconds from notice to first answer, and to gone while gone (null when none). */
export async function findProgressMedians(conn: Conn, campaignId: string) {
  const [medians] = await rows<{ toAnswer: number | null; toGone: number | null }>(
    conn,
    `WITH c AS (
       SELECT coalesce(sum(answer_durations), 0) AS answers, coalesce(sum(gone_durations), 0) AS gones
         FROM campaign_org_progress WHERE campaign_id = $1::uuid
     )
     SELECT ${durationMedian("answer", "d.campaign_id = $1::uuid", "c.answers")} AS "toAnswer",
            ${durationMedian("gone", "d.campaign_id = $1::uuid", "c.gones")} AS "toGone"
       FROM c`,
    [campaignId],
  );
  return medians!;
}
