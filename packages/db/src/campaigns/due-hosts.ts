import type { ContactRole, Language, NoticeHost } from "@baken/core";
import { rows, type Conn } from "../transaction.ts";

/** A host due for a notice: with an owner, whom the notice goes to. */
export type DueHost = NoticeHost & { organizationId: string };

/** The columns of a NoticeHost, over campaign_host h LEFT JOIN exposure_list l ON l.id = h.last_list_id. */
export const NOTICE_HOST = `h.id, abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.tag, h.version, h.severity,
  l.report_type AS "reportType", l.report_name AS "reportName", l.severity AS "reportSeverity",
  h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt"`;

/**
 * A campaign's hosts due for a notice, by organization and address. A host is due when it has an owner, is
 * `open`, and either was never notified or was last notified longer ago than the quiet period (a host that
 * went away and came back). `lock` (inside send's transaction) locks them, so a concurrent change of state
 * (an upload syncing hosts) waits for the send to commit instead of being overwritten.
 */
export async function findDueHosts(conn: Conn, campaignId: string, quietDays: number, { lock = false } = {}) {
  return rows<DueHost>(
    conn,
    `SELECT ${NOTICE_HOST}, h.organization_id AS "organizationId"
       FROM campaign_host h LEFT JOIN exposure_list l ON l.id = h.last_list_id
      WHERE h.campaign_id = $1::uuid AND h.organization_id IS NOT NULL AND h.state = 'open'
        AND (h.notice_id IS NULL OR h.notified_at IS NULL OR h.notified_at < now() - make_interval(days => $2::int))
      ORDER BY h.organization_id, h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST
      ${lock ? "FOR UPDATE OF h" : ""}`,
    [campaignId, quietDays],
  );
}

/** Open hosts notified within the quiet period: counted, not mailed (chasing them is what reminders are for). */
export async function countQuietHosts(conn: Conn, campaignId: string, quietDays: number): Promise<number> {
  const [row] = await rows<{ quiet: number }>(
    conn,
    `SELECT count(*)::int AS quiet FROM campaign_host
      WHERE campaign_id = $1::uuid AND organization_id IS NOT NULL AND state = 'open'
        AND notice_id IS NOT NULL AND notified_at >= now() - make_interval(days => $2::int)`,
    [campaignId, quietDays],
  );
  return row!.quiet;
}

/**
 * Whom notices to these organizations go to: each organization by name, and its active contacts that can
 * be mailed (not undeliverable: issue 15).
 */
export async function findRecipients(conn: Conn, organizationIds: string[]) {
  if (organizationIds.length === 0) return { organizations: [], contacts: [] };
  const [organizations, contacts] = [
    await rows<{ id: string; name: string; language: Language; active: boolean; operator: boolean }>(
      conn,
      `SELECT id, name, language::text AS language, active, kind = 'abuse_contact' AS operator
         FROM organization WHERE id = ANY($1::uuid[]) ORDER BY name`,
      [organizationIds],
    ),
    await rows<{
      organizationId: string;
      email: string;
      role: ContactRole;
      language: Language | null;
      active: boolean;
    }>(
      conn,
      `SELECT organization_id AS "organizationId", email, role::text AS role, language::text AS language, active
         FROM contact WHERE organization_id = ANY($1::uuid[]) AND active AND undeliverable_since IS NULL ORDER BY organization_id, email`,
      [organizationIds],
    ),
  ];
  return { organizations, contacts };
}
