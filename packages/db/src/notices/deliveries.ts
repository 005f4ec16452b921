import type { Language, NoticeHost, NoticeKind, NoticeStatus } from "@baken/core";
import type { Campaign } from "../generated/client.ts";
import type { Db } from "../client.ts";
import { NOTICE_HOST } from "../campaigns/due-hosts.ts";
import { rows, type Conn } from "../transaction.ts";

// A notice's delivery, as deliver-notice runs it: claim, then one result. Each is a single-row statement on
// the pool, not a transaction: this runs once per mail, thousands of times a minute, and the claim and
// result stand on either side of the SMTP transaction (see services/src/notices/README.md).

/** What a notice says of its campaign. */
export type NoticeCampaign = Pick<
  Campaign,
  | "name"
  | "cves"
  | "severity"
  | "tlp"
  | "advice"
  | "compromiseSince"
  | "rsitClass"
  | "rsitType"
  | "classificationIdentifier"
>;

/** What a delivery needs of a notice, its campaign, its organization and its parent (a reminder's). */
export type ClaimedNotice = {
  id: string;
  reference: string;
  kind: NoticeKind;
  parentId: string | null;
  /** set on a redirect: the bounced notice whose hosts and link it carries to the fallback contact */
  redirectOf: string | null;
  organizationId: string;
  organizationName: string;
  /** A fallback abuse contact (a network operator, a domain's security.txt), not a registered organization. */
  operator: boolean;
  recipients: string[];
  language: Language;
  /** The status before the claim, to hand the claim back as it was. */
  previousStatus: Exclude<NoticeStatus, "sent" | "bounced">;
  tokenExpiresAt: Date | null;
  /** When the parent reached its recipients: its redirect's send when it bounced and was redirected. */
  parentSentAt: Date | null;
  /** The notice whose mail a reminder follows up in the recipients' mailbox: the parent, or its redirect. */
  parentMailId: string | null;
  parentTokenExpiresAt: Date | null;
  campaign: NoticeCampaign;
  /** Registered OpenPGP keys of the organization's active contacts, by lower-case address. */
  keys: { email: string; key: string }[] | null;
};

/**
 * Marks the notice `sending` (attempts + 1) unless it is already sent (or bounced: it went, and reached
 * nobody), and returns all a delivery needs, in one round trip; undefined when it is done or does not exist.
 */
export async function claimNotice(db: Db, id: string): Promise<ClaimedNotice | undefined> {
  const [row] = await rows<ClaimedNotice>(
    db,
    `WITH before AS (SELECT id, status FROM notice WHERE id = $1 AND status NOT IN ('sent', 'bounced') FOR UPDATE),
          claimed AS (UPDATE notice n SET status = 'sending', attempts = n.attempts + 1 FROM before WHERE n.id = before.id
                      RETURNING n.*, before.status AS previous_status)
     SELECT n.id, n.reference, n.kind, n.parent_id AS "parentId", n.redirect_of::text AS "redirectOf", n.organization_id AS "organizationId", o.name AS "organizationName",
            o.kind = 'abuse_contact' AS "operator", n.recipients, n.language, n.previous_status AS "previousStatus", n.token_expires_at AS "tokenExpiresAt",
            coalesce(pr.sent_at, p.sent_at, p.created_at) AS "parentSentAt", coalesce(pr.id, p.id)::text AS "parentMailId",
            p.token_expires_at AS "parentTokenExpiresAt",
            json_build_object('name', c.name, 'cves', coalesce(c.cves, '{}'), 'severity', c.severity, 'tlp', c.tlp,
                              'advice', c.advice, 'compromiseSince', c.compromise_since, 'rsitClass', c.rsit_class,
                              'rsitType', c.rsit_type, 'classificationIdentifier', c.classification_identifier) AS campaign,
            (SELECT json_agg(json_build_object('email', lower(k.email), 'key', k.pgp_public_key)) FROM contact k
              WHERE k.organization_id = n.organization_id AND k.active AND k.pgp_public_key IS NOT NULL) AS keys
       FROM claimed n
       JOIN organization o ON o.id = n.organization_id
       JOIN campaign c ON c.id = n.campaign_id
       LEFT JOIN notice p ON p.id = n.parent_id
       LEFT JOIN notice pr ON pr.redirect_of = p.id AND p.status = 'bounced' AND pr.status = 'sent'`,
    [id],
  );
  if (!row) return undefined;
  // Inside JSON the timestamp is text.
  const since = row.campaign.compromiseSince as unknown as string | null;
  return { ...row, campaign: { ...row.campaign, compromiseSince: since ? new Date(since) : null } };
}

export async function noticeExists(db: Db, id: string): Promise<boolean> {
  return (await rows(db, `SELECT 1 FROM notice WHERE id = $1`, [id])).length > 0;
}

/** Hands a claim back as it was (not an attempt: the recipient's domain was throttled). */
export async function releaseNoticeClaim(db: Db, id: string, previousStatus: ClaimedNotice["previousStatus"]) {
  await rows(db, `UPDATE notice SET status = $2, attempts = attempts - 1 WHERE id = $1 AND status = 'sending'`, [
    id,
    previousStatus,
  ]);
}

/** A failed attempt: queued again for a retry, or failed for good. */
export async function recordNoticeFailure(db: Db, id: string, status: "queued" | "failed", message: string) {
  await rows(db, `UPDATE notice SET status = $2, last_error = $3 WHERE id = $1 AND status = 'sending'`, [
    id,
    status,
    message,
  ]);
}

/** The server accepted the mail: `sent`, with its Message-ID and the server's answer. */
export async function recordNoticeSent(db: Conn, id: string, result: { messageId: string; response: string }) {
  await rows(
    db,
    `UPDATE notice SET status = 'sent', sent_at = now(), message_id = $2, smtp_response = $3, last_error = NULL WHERE id = $1`,
    [id, result.messageId, result.response],
  );
}

/**
 * The hosts a notice lists when it is rendered, in address order.
 * - initial notice: the hosts it told the owner about (campaign_host.notice_id);
 * - reminder: the hosts of the initial notice it follows that are still seen: not gone, not disowned,
 *   and, if claimed fixed, seen again after that claim ("claimed fixed, still seen").
 */
export async function noticeHosts(
  db: Db,
  notice: { id: string; kind: NoticeKind; parentId: string | null; redirectOf?: string | null },
): Promise<NoticeHost[]> {
  const reminder = notice.kind === "reminder" && notice.parentId !== null;
  // A redirect lists what the notice it redirects listed.
  return rows<NoticeHost>(
    db,
    `SELECT ${NOTICE_HOST}
       FROM campaign_host h LEFT JOIN exposure_list l ON l.id = h.last_list_id
      WHERE h.notice_id = $1
        AND (NOT $2 OR h.state IN ('open', 'notified')
             OR (h.state = 'remediated' AND h.answered_at IS NOT NULL AND h.last_seen_at > h.answered_at))
      ORDER BY h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST`,
    // A reminder, a resend (an initial notice with a parent) and a redirect list what the notice they repeat listed.
    [notice.redirectOf ?? notice.parentId ?? notice.id, reminder],
  );
}
