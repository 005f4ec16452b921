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
    `SELECT host(ip) AS ip, port, protocol, hostname, tag, version, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
       FROM campaign_host
      WHERE notice_id = $1
        AND (NOT $2 OR state IN ('open', 'notified')
             OR (state = 'remediated' AND answered_at IS NOT NULL AND last_seen_at > answered_at))
      ORDER BY campaign_host.ip NULLS LAST, port NULLS LAST, hostname NULLS LAST`,
    [reminder ? notice.parentId : notice.id, reminder],
  );
  return rows;
}
