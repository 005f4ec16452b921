/**
 * The median (percentile_cont(0.5), to the same float) of the `n` durations of one kind ('answer': notice
 * to first answer; 'gone': notice to gone) that `where` picks in campaign_host_duration (alias d), read at
 * its rank from an index instead of sorting them all: null when there are none. `n` (an SQL expression)
 * comes from campaign_org_progress's answer_durations / gone_durations, so nothing is counted here.
 */
export const durationMedian = (kind: "answer" | "gone", where: string, n: string) => `(
  SELECT CASE WHEN c.n = 0 THEN NULL WHEN c.n % 2 = 1 THEN v.lo ELSE v.lo + 0.5::float8 * (v.hi - v.lo) END
    FROM (SELECT (${n})::bigint AS n) c,
         LATERAL (SELECT min(seconds) AS lo, max(seconds) AS hi
                    FROM (SELECT d.seconds FROM campaign_host_duration d WHERE d.kind = '${kind}' AND ${where}
                           ORDER BY d.seconds OFFSET greatest(c.n - 1, 0) / 2 LIMIT 2) m) v)`;
