import type { NoticeStatus } from "@baken/core";
import { networkAbuseContacts } from "../reach/ripe-rows.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** What deciding a notice's reach needs of it. */
export type NoticeForReach = {
  id: string;
  organizationId: string;
  recipients: string[];
  status: NoticeStatus;
  /** set on a redirect: it is never redirected again */
  redirectOf: string | null;
};

/** The notice, locked: a send's result and a report about the same notice decide one after the other. */
export async function lockNoticeForReach(tx: Tx, noticeId: string): Promise<NoticeForReach | undefined> {
  const [row] = await rows<NoticeForReach>(
    tx,
    `SELECT id::text AS id, organization_id::text AS "organizationId", recipients, status::text AS status,
            redirect_of::text AS "redirectOf"
       FROM notice WHERE id = $1::uuid FOR UPDATE`,
    [noticeId],
  );
  return row;
}

/**
 * The notice reached nobody: `bounced`, whatever it was after its claim (`sending` when the relay refused
 * every recipient, `sent` when the reports came back later). False when it was bounced already.
 */
export async function markNoticeBounced(tx: Tx, noticeId: string, why: string): Promise<boolean> {
  const done = await rows(
    tx,
    `UPDATE notice SET status = 'bounced', last_error = $2 WHERE id = $1::uuid AND status <> 'bounced' RETURNING id`,
    [noticeId, why.slice(0, 1000)],
  );
  return done.length > 0;
}

/**
 * Where a bounced notice goes next, or null: the fallback address staff set on the organization, else the
 * abuse contact of the network holding most of the notice's hosts (the active RIPE import, issue 14), never
 * one of the addresses that just failed.
 */
export async function fallbackMailbox(
  conn: Conn,
  notice: { id: string; organizationId: string; recipients: string[] },
) {
  const failed = new Set(notice.recipients.map((r) => r.toLowerCase()));
  const [row] = await rows<{ mailbox: string | null }>(
    conn,
    `SELECT lower(trim(fallback_email)) AS mailbox FROM organization WHERE id = $1::uuid`,
    [notice.organizationId],
  );
  if (row?.mailbox && !failed.has(row.mailbox)) return row.mailbox;
  // A reminder's and a resend's hosts hang on the notice they repeat.
  const hosts = await rows<{ ip: string }>(
    conn,
    `SELECT DISTINCT host(h.ip) AS ip
       FROM notice n JOIN campaign_host h ON h.notice_id = coalesce(n.parent_id, n.id)
      WHERE n.id = $1::uuid AND h.ip IS NOT NULL`,
    [notice.id],
  );
  const contacts = await networkAbuseContacts(
    conn,
    hosts.map((h) => h.ip),
  );
  return contacts.find((c) => !failed.has(c.mailbox.toLowerCase()))?.mailbox.toLowerCase() ?? null;
}

/**
 * The redirect of a bounced notice: a queued notice of its own to `recipient`, with the same campaign,
 * organization, kind, language and hosts, repeating its link. At most one per notice (unique redirect_of),
 * and none of a redirect: the id of the one created now, or null when there is one already.
 */
export async function insertRedirect(tx: Tx, noticeId: string, recipient: string): Promise<string | null> {
  const [created] = await rows<{ id: string }>(
    tx,
    `INSERT INTO notice (reference, campaign_id, organization_id, kind, parent_id, recipients, language, host_count,
                         token_expires_at, redirect_of)
     SELECT 'BAKEN#' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-'
              || lpad(nextval('notice_reference_seq')::text, 8, '0'),
            p.campaign_id, p.organization_id, p.kind, p.parent_id, ARRAY[$2::text], p.language, p.host_count,
            p.token_expires_at, p.id
       FROM notice p WHERE p.id = $1::uuid AND p.redirect_of IS NULL
     ON CONFLICT (redirect_of) DO NOTHING
     RETURNING id::text AS id`,
    [noticeId, recipient],
  );
  return created?.id ?? null;
}

/** No one left to send the organization's notices to: flagged for staff (the first such notice is kept). */
export async function flagNoDeliverableContact(tx: Tx, organizationId: string, noticeId: string) {
  await rows(
    tx,
    `UPDATE organization SET no_deliverable_contact_since = coalesce(no_deliverable_contact_since, now()),
            no_deliverable_contact_notice_id = coalesce(no_deliverable_contact_notice_id, $2::uuid)
      WHERE id = $1::uuid`,
    [organizationId, noticeId],
  );
}
