import type { Language } from "@baken/core";
import { rows, type Conn, type Tx } from "../transaction.ts";

export type RipeMailboxCountry = { mailbox: string; country: string; language: Language };

/** An import's mailboxes with their country and language, in the import's transaction (~100k rows at most). */
export async function insertRipeMailboxes(tx: Tx, importId: number, mailboxes: RipeMailboxCountry[]): Promise<void> {
  if (mailboxes.length === 0) return;
  await rows(
    tx,
    `INSERT INTO "ripe_mailbox" ("import_id", "mailbox", "country", "language")
     SELECT $1, t."mailbox", t."country", t."language"::"Language"
       FROM unnest($2::text[], $3::text[], $4::text[]) AS t("mailbox", "country", "language")`,
    [importId, mailboxes.map((m) => m.mailbox), mailboxes.map((m) => m.country), mailboxes.map((m) => m.language)],
  );
}

/** The active import's country and language of these mailboxes (those it has one for). */
export async function ripeMailboxCountries(conn: Conn, mailboxes: string[]): Promise<Map<string, RipeMailboxCountry>> {
  if (mailboxes.length === 0) return new Map();
  const found = await rows<RipeMailboxCountry>(
    conn,
    `SELECT m."mailbox", m."country", m."language"::text AS "language"
       FROM "ripe_mailbox" m JOIN "ripe_import" i ON i."id" = m."import_id" AND i."active"
      WHERE m."mailbox" = ANY($1::text[])`,
    [mailboxes],
  );
  return new Map(found.map((f) => [f.mailbox, f]));
}
