import { rows, type Conn } from "../transaction.ts";

export type AbuseContactState = {
  id: string;
  name: string;
  kind: "registered" | "abuse_contact";
  abuseMailbox: string | null;
  contactSource: string | null;
  provenance: string | null;
  blockedAt: Date | null;
  blockedReason: string | null;
};

const COLUMNS = `"id", "name", "kind", "abuse_mailbox" AS "abuseMailbox", "contact_source" AS "contactSource",
  "provenance", "blocked_at" AS "blockedAt", "blocked_reason" AS "blockedReason"`;

/** The organization's reach columns, locked for the change that follows (null: no such organization). */
export async function findAbuseContactForUpdate(conn: Conn, id: string): Promise<AbuseContactState | null> {
  const [row] = await rows<AbuseContactState>(
    conn,
    `SELECT ${COLUMNS} FROM "organization" WHERE "id" = $1 FOR UPDATE`,
    [id],
  );
  return row ?? null;
}

/**
 * Blocks (a reason) or unblocks (null) an abuse mailbox's organization. Matching reloads its fallback when
 * the blocked set moves (readFallbackVersion), so the mailbox is never a candidate again.
 */
export async function setAbuseContactBlocked(
  conn: Conn,
  id: string,
  reason: string | null,
): Promise<AbuseContactState> {
  const [row] = await rows<AbuseContactState>(
    conn,
    `UPDATE "organization" SET "blocked_at" = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END,
       "blocked_reason" = $2, "updated_at" = now() WHERE "id" = $1 RETURNING ${COLUMNS}`,
    [id, reason],
  );
  return row!;
}

/** Makes an automatic organization a registered one; where its mailbox came from stays as provenance. */
export async function promoteAbuseContact(conn: Conn, id: string, name: string): Promise<AbuseContactState> {
  const [row] = await rows<AbuseContactState>(
    conn,
    `UPDATE "organization" SET "kind" = 'registered', "name" = $2, "updated_at" = now() WHERE "id" = $1 RETURNING ${COLUMNS}`,
    [id, name],
  );
  return row!;
}
