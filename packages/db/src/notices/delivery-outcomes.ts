import type { Deliverability, DeliveryOutcome, NoticeStatus, RecipientOutcome } from "@baken/core";
import { contactHealthJson, type ContactHealth } from "../registry/contact-health.ts";
import { changed, rows, type Conn, type Tx } from "../transaction.ts";

// What became of each recipient of a notice (issue 15), and what that means for the contacts: the rules are
// @baken/core's (delivery/), this file only stores and reads them.

const OUTCOME = `n.notice_id::text AS "noticeId", n.at, n.kind, n.stage, n.status, n.diagnostic`;

/** Stores outcomes, each once: a report's outcomes name the bounce message they came from. */
export async function insertDeliveryOutcomes(
  conn: Conn,
  outcomes: readonly RecipientOutcome[],
  bounceMessageId?: string,
) {
  if (outcomes.length === 0) return;
  await rows(
    conn,
    `INSERT INTO notice_delivery (notice_id, recipient, at, kind, stage, status, diagnostic, bounce_message_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::bigint[])`,
    [
      outcomes.map((o) => o.outcome.noticeId),
      outcomes.map((o) => o.recipient.toLowerCase()),
      outcomes.map((o) => o.outcome.at),
      outcomes.map((o) => o.outcome.kind),
      outcomes.map((o) => o.outcome.stage),
      outcomes.map((o) => o.outcome.status),
      outcomes.map((o) => o.outcome.diagnostic),
      outcomes.map(() => bounceMessageId ?? null),
    ],
  );
}

/** Every outcome of one notice, oldest first. */
export async function noticeOutcomes(conn: Conn, noticeId: string): Promise<RecipientOutcome[]> {
  const found = await rows<DeliveryOutcome & { recipient: string }>(
    conn,
    `SELECT n.recipient, ${OUTCOME} FROM notice_delivery n WHERE n.notice_id = $1::uuid ORDER BY n.at, n.id`,
    [noticeId],
  );
  return found.map(({ recipient, ...outcome }) => ({ recipient, outcome }));
}

/** A contact of the organization among these addresses, with its delivery history since staff last cleared it. */
export type ContactHistory = {
  id: string;
  email: string;
  undeliverable: boolean;
  history: DeliveryOutcome[];
  since: Date | null;
};

/**
 * The organization's contacts whose address is one of `addresses`, each with the outcomes of every notice
 * of the organization sent to that address since `deliverable_since`. Locks the contacts: two reports about
 * the same contact decide one after the other.
 */
export async function contactHistories(tx: Tx, organizationId: string, addresses: readonly string[]) {
  return rows<ContactHistory>(
    tx,
    `WITH c AS (
       SELECT id, lower(email) AS email, undeliverable_since IS NOT NULL AS undeliverable, deliverable_since
         FROM contact WHERE organization_id = $1::uuid AND lower(email) = ANY($2::text[])
        ORDER BY id FOR UPDATE
     )
     SELECT c.id::text AS id, c.email, c.undeliverable, c.deliverable_since AS since,
            coalesce((SELECT json_agg(json_build_object('noticeId', n.notice_id, 'at', n.at, 'kind', n.kind,
                                                        'stage', n.stage, 'status', n.status, 'diagnostic', n.diagnostic)
                                      ORDER BY n.at, n.id)
                        FROM notice_delivery n JOIN notice x ON x.id = n.notice_id
                       WHERE n.recipient = c.email AND x.organization_id = $1::uuid
                         AND (c.deliverable_since IS NULL OR n.at >= c.deliverable_since)), '[]') AS history
       FROM c`,
    [organizationId, addresses.map((a) => a.toLowerCase())],
  ).then((found) =>
    // Inside JSON the timestamp is text.
    found.map((c) => ({ ...c, history: c.history.map((o) => ({ ...o, at: new Date(o.at as unknown as string) })) })),
  );
}

/**
 * Writes what contactDeliverability decided. An undeliverable contact stays so (with its first reason)
 * until staff mark it fixed or its address changes: only the count of temporary failures moves then.
 */
export async function setContactDeliverability(tx: Tx, contactId: string, d: Deliverability) {
  if (d.deliverable) {
    await rows(tx, `UPDATE contact SET temporary_failures = $2 WHERE id = $1::uuid AND undeliverable_since IS NULL`, [
      contactId,
      d.temporaryFailures,
    ]);
    return;
  }
  await rows(
    tx,
    `UPDATE contact SET temporary_failures = $2,
            undeliverable_since = coalesce(undeliverable_since, $3),
            undeliverable_reason = coalesce(undeliverable_reason, $4),
            undeliverable_notice_id = CASE WHEN undeliverable_since IS NULL THEN $5::uuid ELSE undeliverable_notice_id END,
            undeliverable_status = CASE WHEN undeliverable_since IS NULL THEN $6 ELSE undeliverable_status END,
            undeliverable_diagnostic = CASE WHEN undeliverable_since IS NULL THEN $7 ELSE undeliverable_diagnostic END
      WHERE id = $1::uuid`,
    [
      contactId,
      d.temporaryFailures,
      d.since,
      d.reason,
      d.decidedBy.noticeId,
      d.decidedBy.status,
      d.decidedBy.diagnostic?.slice(0, 1000) ?? null,
    ],
  );
}

/**
 * Staff say the contact can be mailed again: its failures until now no longer count. The organization's
 * "no deliverable contact" flag goes with it. False when the organization has no such contact.
 */
export async function markContactFixed(tx: Tx, organizationId: string, contactId: string): Promise<boolean> {
  const n = await changed(
    tx,
    `UPDATE contact SET undeliverable_since = NULL, undeliverable_reason = NULL, undeliverable_notice_id = NULL,
            undeliverable_status = NULL, undeliverable_diagnostic = NULL, temporary_failures = 0,
            deliverable_since = now()
      WHERE id = $1::uuid AND organization_id = $2::uuid`,
    [contactId, organizationId],
  );
  if (n > 0) {
    await rows(
      tx,
      `UPDATE organization SET no_deliverable_contact_since = NULL, no_deliverable_contact_notice_id = NULL
        WHERE id = $1::uuid`,
      [organizationId],
    );
  }
  return n > 0;
}

/** An undeliverable contact, with its organization: the registry's "contacts to fix". */
export type ContactToFix = {
  id: string;
  email: string;
  organization: { id: string; name: string; noDeliverableContact: boolean };
  health: ContactHealth;
};

/** A page of the undeliverable contacts across the registry, most recent first, and how many there are. */
export async function findContactsToFix(conn: Conn, page: { limit: number; offset: number }) {
  const [contacts, [count]] = await Promise.all([
    rows<ContactToFix>(
      conn,
      `SELECT c.id::text AS id, c.email,
              json_build_object('id', o.id, 'name', o.name,
                                'noDeliverableContact', o.no_deliverable_contact_since IS NOT NULL) AS organization,
              ${contactHealthJson("c")} AS health
         FROM contact c JOIN organization o ON o.id = c.organization_id
        WHERE c.undeliverable_since IS NOT NULL
        ORDER BY c.undeliverable_since DESC, c.id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    ),
    rows<{ total: number }>(conn, `SELECT count(*)::int AS total FROM contact WHERE undeliverable_since IS NOT NULL`),
  ]);
  return { contacts, total: count!.total };
}

/** A notice's recipients' outcomes as staff see them, oldest first. */
export async function findNoticeDeliveries(conn: Conn, noticeId: string) {
  return rows<{ recipient: string } & Omit<DeliveryOutcome, "noticeId">>(
    conn,
    `SELECT recipient, at, kind, stage, status, diagnostic FROM notice_delivery WHERE notice_id = $1::uuid ORDER BY at, id`,
    [noticeId],
  );
}

/** A notice of the campaign, with its redirect (or what it redirects): null when the campaign has no such notice. */
export async function findNoticeDeliveryHead(conn: Conn, campaignId: string, noticeId: string) {
  const [row] = await rows<{
    id: string;
    reference: string;
    status: NoticeStatus;
    recipients: string[];
    redirectOf: string | null;
    redirect: { id: string; reference: string; status: NoticeStatus; recipients: string[] } | null;
  }>(
    conn,
    `SELECT n.id::text AS id, n.reference, n.status::text AS status, n.recipients, n.redirect_of::text AS "redirectOf",
            (SELECT json_build_object('id', r.id, 'reference', r.reference, 'status', r.status, 'recipients', r.recipients)
               FROM notice r WHERE r.redirect_of = n.id) AS redirect
       FROM notice n WHERE n.id = $1::uuid AND n.campaign_id = $2::uuid`,
    [noticeId, campaignId],
  );
  return row ?? null;
}
