import type { ReportLanguage } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** A reply as the worker mails it: with its report's reference. */
export type ReplyToSend = {
  id: string;
  reportId: string;
  reference: string;
  body: string;
  language: ReportLanguage;
  toEmail: string;
  author: string | null;
  sentAt: Date | null;
};

/** Stores a reply to the reporter, not sent yet. */
export async function insertReportReply(
  tx: Tx,
  input: { reportId: string; authorId: string | null; body: string; language: ReportLanguage; toEmail: string },
): Promise<{ id: string; createdAt: Date }> {
  const [reply] = await rows<{ id: string; createdAt: Date }>(
    tx,
    `INSERT INTO report_reply (report_id, author_id, body, language, to_email)
     VALUES ($1::uuid, $2::uuid, $3, $4::"Language", $5)
     RETURNING id, created_at AS "createdAt"`,
    [input.reportId, input.authorId, input.body, input.language, input.toEmail],
  );
  return reply!;
}

/** Locks a reply for its sending (never twice); null when there is none. */
export async function lockReportReply(tx: Tx, id: string): Promise<ReplyToSend | null> {
  const [reply] = await rows<ReplyToSend>(
    tx,
    `SELECT rr.id, rr.report_id AS "reportId", r.reference, rr.body, rr.language::text AS language,
            rr.to_email AS "toEmail", nullif(s.name, '') AS author, rr.sent_at AS "sentAt"
       FROM report_reply rr
       JOIN incident_report r ON r.id = rr.report_id
       LEFT JOIN staff_user s ON s.id = rr.author_id
      WHERE rr.id = $1::uuid
        FOR UPDATE OF rr`,
    [id],
  );
  return reply ?? null;
}

export async function markReplySent(tx: Tx, id: string, messageId: string): Promise<void> {
  await rows(tx, `UPDATE report_reply SET sent_at = now(), message_id = $2, last_error = NULL WHERE id = $1::uuid`, [
    id,
    messageId,
  ]);
}

/** Why the relay refused a reply for good: shown in the report's history. */
export async function markReplyFailed(conn: Conn, id: string, error: string): Promise<void> {
  await rows(conn, `UPDATE report_reply SET last_error = $2 WHERE id = $1::uuid AND sent_at IS NULL`, [
    id,
    error.slice(0, 1000),
  ]);
}

/** Replies written since `since` and not sent, without a final refusal. */
export async function findUnsentReplies(db: Db, since: Date): Promise<string[]> {
  const found = await rows<{ id: string }>(
    db,
    `SELECT id FROM report_reply WHERE sent_at IS NULL AND last_error IS NULL AND created_at >= $1`,
    [since],
  );
  return found.map((r) => r.id);
}

/** Active analysts and admins: whom a report can be assigned to. */
export async function findAssignableStaff(conn: Conn) {
  return rows<{ id: string; email: string; name: string }>(
    conn,
    `SELECT id, email, name FROM staff_user WHERE active AND role IN ('analyst', 'admin') ORDER BY name, email`,
  );
}
