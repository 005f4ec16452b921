import { rows, type Conn, type Tx } from "../transaction.ts";

/** A message the bounce listener took, with what readBounce made of it. */
export type NewBounceMessage = {
  messageKey: string;
  envelopeFrom: string;
  envelopeTo: string[];
  remoteAddress: string;
  raw: Buffer;
  kind: "bounce" | "delay" | "auto-reply" | "unknown";
  layout: string | null;
  tag: "valid" | "invalid" | "none";
  noticeId: string | null;
  fromAddress: string | null;
  subject: string | null;
  reason: string;
  recipients: unknown[];
};

/** Stores the message; its id, or null when a message with that key was stored before (a duplicate). */
export async function insertBounceMessage(tx: Tx, m: NewBounceMessage): Promise<string | null> {
  const [row] = await rows<{ id: string }>(
    tx,
    `INSERT INTO bounce_message (message_key, envelope_from, envelope_to, remote_address, raw, kind, layout, tag,
                                 notice_id, from_address, subject, reason, recipients)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, (SELECT id FROM notice WHERE id = $9::uuid), $10, $11, $12, $13::jsonb
     ON CONFLICT (message_key) DO NOTHING
     RETURNING id::text AS id`,
    [
      m.messageKey,
      m.envelopeFrom,
      m.envelopeTo,
      m.remoteAddress,
      m.raw,
      m.kind,
      m.layout,
      m.tag,
      m.noticeId,
      m.fromAddress,
      m.subject?.slice(0, 1000) ?? null,
      m.reason.slice(0, 1000),
      JSON.stringify(m.recipients),
    ],
  );
  return row?.id ?? null;
}

/** The reported recipients that match none of the notice's: shown on it, marking nobody. */
export async function setBounceUnattributed(tx: Tx, id: string, unattributed: unknown[]) {
  await rows(tx, `UPDATE bounce_message SET unattributed = $2::jsonb WHERE id = $1::bigint`, [
    id,
    JSON.stringify(unattributed),
  ]);
}

/** A stored bounce message as staff see it (without its bytes). */
export type BounceMessageView = {
  id: string;
  receivedAt: Date;
  kind: NewBounceMessage["kind"];
  layout: string | null;
  tag: NewBounceMessage["tag"];
  noticeId: string | null;
  noticeReference: string | null;
  fromAddress: string | null;
  subject: string | null;
  reason: string;
  recipients: { address: string; status: string }[];
  unattributed: { address: string; status: string }[];
};

const VIEW = `b.id::text AS id, b.received_at AS "receivedAt", b.kind, b.layout, b.tag, b.notice_id::text AS "noticeId",
              n.reference AS "noticeReference", b.from_address AS "fromAddress", b.subject, b.reason, b.recipients,
              b.unattributed`;

/** The messages that came back for one notice, oldest first. */
export async function findNoticeBounceMessages(conn: Conn, noticeId: string) {
  return rows<BounceMessageView>(
    conn,
    `SELECT ${VIEW} FROM bounce_message b LEFT JOIN notice n ON n.id = b.notice_id
      WHERE b.notice_id = $1::uuid ORDER BY b.received_at, b.id`,
    [noticeId],
  );
}

/**
 * What nothing could act on, newest first: unrecognised messages, forged or missing tags, and reports
 * whose recipients matched none of the notice's.
 */
export async function findUnhandledBounceMessages(conn: Conn, limit: number) {
  return rows<BounceMessageView>(
    conn,
    `SELECT ${VIEW} FROM bounce_message b LEFT JOIN notice n ON n.id = b.notice_id
      WHERE b.kind = 'unknown' OR b.tag <> 'valid' OR b.notice_id IS NULL OR b.unattributed <> '[]'::jsonb
      ORDER BY b.received_at DESC, b.id DESC LIMIT $1`,
    [limit],
  );
}
