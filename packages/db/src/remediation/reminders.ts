import { rows, type Tx } from "../transaction.ts";
import { STILL_SEEN } from "./still-seen.ts";

/** An organization with hosts still seen in a campaign, and whether a reminder can go to it now. */
export type ReminderCandidate = {
  organizationId: string;
  hosts: number;
  /**
   * The organization's latest initial notice with a valid link, delivered (itself, or a resend or redirect of
   * it): the reminder repeats that link. A notice that bounced and whose redirect was sent counts as delivered
   * (to the redirect's recipient).
   */
  parentId: string | null;
  /** The latest delivered of that notice, its resends and redirects: the reminder goes to its recipients. */
  recipientsOf: string | null;
  /** Its last notice or reminder of the campaign is older than the minimum age (or there is none). */
  oldEnough: boolean;
  active: boolean;
};

/** Per organization of the campaign with hosts still seen (STILL_SEEN): what decides its reminder. */
export async function findReminderCandidates(tx: Tx, campaignId: string, minAgeDays: number) {
  return rows<ReminderCandidate>(
    tx,
    `WITH due AS (
       SELECT h.organization_id, count(*)::int AS hosts
         FROM campaign_host h
        WHERE h.campaign_id = $1::uuid AND h.organization_id IS NOT NULL AND ${STILL_SEEN}
        GROUP BY h.organization_id
     ), last_notice AS (
       SELECT organization_id, max(created_at) AS at
         FROM notice WHERE campaign_id = $1::uuid GROUP BY organization_id
     ), link AS (
       -- A resend (to corrected recipients) and a redirect (after a bounce) carry their original's link and
       -- hosts but not its token: the link is the original's, the recipients those it last reached.
       SELECT DISTINCT ON (p.organization_id) p.id, p.organization_id, reached.id AS recipients_of
         FROM notice p
         CROSS JOIN LATERAL (
           SELECT n.id FROM notice n
            WHERE (n.id = p.id OR (n.parent_id = p.id AND n.kind = 'initial') OR n.redirect_of = p.id)
              AND n.status = 'sent'
            ORDER BY n.sent_at DESC NULLS LAST, n.created_at DESC, n.id DESC
            LIMIT 1
         ) reached
        WHERE p.campaign_id = $1::uuid AND p.kind = 'initial'
          AND p.token_hash IS NOT NULL AND p.token_revoked_at IS NULL AND p.token_expires_at > now()
        ORDER BY p.organization_id, p.created_at DESC
     )
     SELECT d.organization_id AS "organizationId", d.hosts, link.id AS "parentId",
            link.recipients_of AS "recipientsOf", o.active,
            coalesce(l.at < now() - make_interval(days => $2::int), true) AS "oldEnough"
       FROM due d
       JOIN organization o ON o.id = d.organization_id
       LEFT JOIN last_notice l USING (organization_id)
       LEFT JOIN link USING (organization_id)
      ORDER BY d.organization_id`,
    [campaignId, minAgeDays],
  );
}

/**
 * Inserts one `reminder` notice (queued) per parent, to the parent's organization and language, and the
 * recipients of `recipientsOf` (the parent, its resend to corrected recipients, or the redirect that reached
 * someone after it bounced: never the addresses that failed), listing `hosts` hosts; returns their ids, by
 * organization. Recipients that became undeliverable since are left out; a parent with none left gets no
 * reminder.
 */
export async function insertReminders(
  tx: Tx,
  reminders: { parentId: string; recipientsOf: string; hosts: number }[],
): Promise<string[]> {
  if (reminders.length === 0) return [];
  const created = await rows<{ id: string }>(
    tx,
    `INSERT INTO notice (reference, campaign_id, organization_id, kind, parent_id, recipients, language, host_count)
     SELECT 'BAKEN#' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-'
              || lpad(nextval('notice_reference_seq')::text, 8, '0'),
            p.campaign_id, p.organization_id, 'reminder', p.id, r.recipients, p.language, v.hosts
       FROM unnest($1::uuid[], $2::int[], $3::uuid[]) AS v(parent_id, hosts, recipients_of)
       JOIN notice p ON p.id = v.parent_id
       JOIN notice t ON t.id = v.recipients_of
       CROSS JOIN LATERAL (
         SELECT array_agg(a ORDER BY i) AS recipients
           FROM unnest(t.recipients) WITH ORDINALITY AS x(a, i)
          WHERE NOT EXISTS (SELECT 1 FROM contact k WHERE k.organization_id = p.organization_id
                              AND lower(k.email) = lower(x.a) AND k.undeliverable_since IS NOT NULL)
       ) r
      WHERE r.recipients IS NOT NULL
      ORDER BY p.organization_id
     RETURNING id::text AS id`,
    [reminders.map((r) => r.parentId), reminders.map((r) => r.hosts), reminders.map((r) => r.recipientsOf)],
  );
  return created.map((c) => c.id);
}
