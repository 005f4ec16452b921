import type { Language, NoticeKind, NoticeStatus } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Tx } from "../transaction.ts";
import type { NoticeCampaign } from "./deliveries.ts";

/** One notice as staff read it: who it went to, its campaign and organization, and what it repeats. */
export type NoticeDetailRow = {
  id: string;
  reference: string;
  kind: NoticeKind;
  status: NoticeStatus;
  parent: { id: string; reference: string } | null;
  campaignId: string;
  campaign: NoticeCampaign & { id: string };
  /** operator: a fallback abuse contact (an automatic organization), written to as a network operator. */
  organization: { id: string; name: string; operator: boolean };
  recipients: string[];
  language: Language;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  smtpResponse: string | null;
  hostCount: number;
  createdAt: Date;
  sentAt: Date | null;
  tokenExpiresAt: Date | null;
  parentSentAt: Date | null;
  parentTokenExpiresAt: Date | null;
};

export async function findNoticeDetail(conn: Db | Tx, id: string): Promise<NoticeDetailRow | undefined> {
  const [row] = await rows<NoticeDetailRow>(
    conn,
    `SELECT n.id, n.reference, n.kind::text AS kind, n.status::text AS status, n.campaign_id AS "campaignId",
            CASE WHEN p.id IS NULL THEN NULL ELSE json_build_object('id', p.id, 'reference', p.reference) END AS parent,
            json_build_object('id', c.id, 'name', c.name, 'cves', coalesce(c.cves, '{}'), 'severity', c.severity, 'tlp', c.tlp,
                              'advice', c.advice, 'compromiseSince', c.compromise_since, 'rsitClass', c.rsit_class,
                              'rsitType', c.rsit_type, 'classificationIdentifier', c.classification_identifier) AS campaign,
            json_build_object('id', o.id, 'name', o.name, 'operator', o.kind = 'abuse_contact') AS organization,
            n.recipients, n.language::text AS language, n.attempts, n.last_error AS "lastError", n.message_id AS "messageId",
            n.smtp_response AS "smtpResponse", n.host_count AS "hostCount", n.created_at AS "createdAt", n.sent_at AS "sentAt",
            n.token_expires_at AS "tokenExpiresAt", coalesce(pr.sent_at, p.sent_at, p.created_at) AS "parentSentAt",
            p.token_expires_at AS "parentTokenExpiresAt"
       FROM notice n
       JOIN campaign c ON c.id = n.campaign_id
       JOIN organization o ON o.id = n.organization_id
       LEFT JOIN notice p ON p.id = n.parent_id
       -- A reminder of a bounced, redirected notice follows the redirect: its recipient got that one.
       LEFT JOIN notice pr ON pr.redirect_of = p.id AND p.status = 'bounced' AND pr.status = 'sent'
      WHERE n.id = $1::uuid`,
    [id],
  );
  if (!row) return undefined;
  // Inside JSON the timestamp is text.
  const since = row.campaign.compromiseSince as unknown as string | null;
  return { ...row, campaign: { ...row.campaign, compromiseSince: since ? new Date(since) : null } };
}

/** Every delivery attempt of a notice, in order, with the relay's answer (notice_attempt, kept by a trigger). */
export async function findNoticeAttempts(db: Db, noticeId: string) {
  return rows<{ attempt: number; outcome: string; answer: string | null; recipients: string[]; at: Date }>(
    db,
    `SELECT attempt, outcome, answer, recipients, at FROM notice_attempt WHERE notice_id = $1::uuid ORDER BY id`,
    [noticeId],
  );
}

/** The owners' answers given through this notice's link (a reminder's or a resend's: its parent's), newest first. */
export async function findNoticeReplies(db: Db, linkNoticeId: string) {
  return rows<{
    id: number;
    at: Date;
    answer: string;
    compromise: string | null;
    comment: string | null;
    betterContact: string | null;
    host: string | null;
  }>(
    db,
    `SELECT r.id, r.at, r.answer::text AS answer, r.compromise::text AS compromise, r.comment, r.better_contact AS "betterContact",
            CASE WHEN h.id IS NULL THEN NULL ELSE concat(abbrev(h.ip), CASE WHEN h.port IS NOT NULL THEN ':' || h.port END,
                 CASE WHEN h.hostname IS NOT NULL THEN ' ' || h.hostname END) END AS host
       FROM remediation_reply r LEFT JOIN campaign_host h ON h.id = r.host_id
      WHERE r.notice_id = $1::uuid
      ORDER BY r.at DESC, r.id`,
    [linkNoticeId],
  );
}

/** Notices that repeat this one: its reminders and resends, oldest first. */
export async function findFollowingNotices(db: Db, noticeId: string) {
  return rows<{
    id: string;
    reference: string;
    kind: NoticeKind;
    status: NoticeStatus;
    recipients: string[];
    createdAt: Date;
  }>(
    db,
    `SELECT id, reference, kind::text AS kind, status::text AS status, recipients, created_at AS "createdAt"
       FROM notice WHERE parent_id = $1::uuid ORDER BY created_at, reference`,
    [noticeId],
  );
}

/** Locks a notice's row for a resend: two resends of one notice run one after the other. */
export async function lockNotice(tx: Tx, id: string) {
  const [row] = await rows<{ id: string; status: NoticeStatus; kind: NoticeKind; parentId: string | null }>(
    tx,
    `SELECT id, status::text AS status, kind::text AS kind, parent_id AS "parentId" FROM notice WHERE id = $1::uuid FOR UPDATE`,
    [id],
  );
  return row;
}

/** Whether a notice repeating `parentId` already went, or is going, to exactly these recipients. */
export async function resendExists(tx: Tx, parentId: string, recipients: string[]): Promise<boolean> {
  const found = await rows(
    tx,
    `SELECT 1 FROM notice
      WHERE (id = $1::uuid OR (parent_id = $1::uuid AND kind = 'initial')) AND status <> 'failed'
        AND recipients @> $2::text[] AND recipients <@ $2::text[]`,
    [parentId, recipients],
  );
  return found.length > 0;
}

/**
 * A resend: a new initial notice (queued) to corrected recipients, repeating `parentId`'s hosts and link
 * (parent_id), under a reference of its own. Returns its id and reference.
 */
export async function insertResend(tx: Tx, parentId: string, recipients: string[]) {
  const [row] = await rows<{ id: string; reference: string }>(
    tx,
    `INSERT INTO notice (reference, campaign_id, organization_id, kind, parent_id, recipients, language, host_count)
     SELECT 'BAKEN#' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(nextval('notice_reference_seq')::text, 8, '0'),
            p.campaign_id, p.organization_id, 'initial', p.id, $2::text[], p.language, p.host_count
       FROM notice p WHERE p.id = $1::uuid
     RETURNING id::text AS id, reference`,
    [parentId, recipients],
  );
  return row!;
}
