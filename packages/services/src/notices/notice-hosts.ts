import type { Db } from "@baken/db";
import type { ViewHost } from "./notice-view.ts";

/**
 * The hosts a notice lists when it is rendered.
 * - initial notice: the hosts it told the owner about (campaign_host.notice_id);
 * - reminder: the hosts of the initial notice it follows that are still seen: not gone, not disowned,
 *   and, if claimed fixed, seen again after that claim ("claimed fixed, still seen").
 * Plain SQL on the pool: this runs once per mail sent, thousands of times a minute.
 */
export async function noticeHosts(
  db: Pick<Db, "pool">,
  notice: { id: string; kind: "initial" | "reminder"; parentId: string | null },
) {
  const reminder = notice.kind === "reminder" && notice.parentId !== null;
  const { rows } = await db.pool.query<ViewHost>(
    `SELECT abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.tag, h.version, h.severity,
            l.report_type AS "reportType", l.report_name AS "reportName", l.severity AS "reportSeverity",
            h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt"
       FROM campaign_host h LEFT JOIN exposure_list l ON l.id = h.last_list_id
      WHERE h.notice_id = $1
        AND (NOT $2 OR h.state IN ('open', 'notified')
             OR (h.state = 'remediated' AND h.answered_at IS NOT NULL AND h.last_seen_at > h.answered_at))
      ORDER BY h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST`,
    [reminder ? notice.parentId : notice.id, reminder],
  );
  return rows;
}
