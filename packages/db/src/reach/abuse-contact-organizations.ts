import type { FallbackContact } from "@baken/core";
import { rows, type Conn } from "../transaction.ts";
import { ripeMailboxCountries } from "./ripe-mailboxes.ts";

type AbuseContact = Pick<FallbackContact, "organizationId" | "mailbox" | "object" | "language"> & {
  source: string;
  country?: string | null;
};

/**
 * Makes the organizations of fallback candidates that do not exist yet: kind 'abuse_contact', named after
 * the mailbox, with it as their one (abuse) contact and where it was found. Idempotent (ids are the
 * mailboxes' name-based UUIDs): run on the pool before an upload locks its owners, a row left by an upload
 * that then failed is merely unused. Also for a mailbox staff set as a range's contact (source override).
 * Only the missing are inserted, so the registry's version (a statement trigger) moves only when one is new.
 * A contact that names its language (a security.txt's Preferred-Languages, an RDAP network's country) sets
 * an existing automatic organization's language too, when it differs: staff's choice stays on a registered
 * (promoted) one. A RIPE mailbox names its country through the active import (the country most of its
 * ranges have, and the language NOTICE_LANGUAGE_BY_COUNTRY gave it then: ripe_mailbox).
 */
export async function ensureAbuseContactOrganizations(conn: Conn, given: AbuseContact[]): Promise<number> {
  if (given.length === 0) return 0;
  const contacts = await withRipeCountries(conn, given);
  const existing = await rows<{ id: string }>(conn, `SELECT "id" FROM "organization" WHERE "id" = ANY($1::uuid[])`, [
    contacts.map((c) => c.organizationId),
  ]);
  const known = new Set(existing.map((e) => e.id));
  const languages = contacts.filter((c) => known.has(c.organizationId) && c.language);
  if (languages.length > 0) {
    await rows(
      conn,
      `UPDATE "organization" o SET "language" = t."language"::"Language", "country" = coalesce(t."country", o."country"),
              "updated_at" = now()
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t("id", "language", "country")
        WHERE o."id" = t."id" AND o."kind" = 'abuse_contact'
          AND (o."language"::text <> t."language" OR o."country" IS DISTINCT FROM coalesce(t."country", o."country"))`,
      [
        languages.map((c) => c.organizationId),
        languages.map((c) => c.language),
        languages.map((c) => c.country ?? null),
      ],
    );
  }
  const missing = contacts.filter((c) => !known.has(c.organizationId));
  if (missing.length === 0) return 0;
  const params = [
    missing.map((c) => c.organizationId),
    missing.map((c) => c.mailbox),
    missing.map((c) => c.source),
    missing.map((c) => c.object),
    missing.map((c) => c.language ?? "en"),
    missing.map((c) => c.country ?? null),
  ];
  const inserted = await rows<{ id: string }>(
    conn,
    `INSERT INTO "organization" ("id", "name", "kind", "abuse_mailbox", "contact_source", "provenance", "language", "country", "updated_at")
     SELECT t."id", t."mailbox" || ' (abuse contact)', 'abuse_contact', t."mailbox", t."source", t."object", t."language"::"Language", t."country", now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS t("id", "mailbox", "source", "object", "language", "country")
     ON CONFLICT DO NOTHING RETURNING "id"`,
    params,
  );
  await rows(
    conn,
    `INSERT INTO "contact" ("organization_id", "email", "name", "role")
     SELECT t."id", t."mailbox", 'Abuse contact', 'abuse' FROM unnest($1::uuid[], $2::text[]) AS t("id", "mailbox")
       JOIN "organization" o ON o."id" = t."id"
     ON CONFLICT DO NOTHING`,
    [params[0], params[1]],
  );
  return inserted.length;
}

/** RIPE contacts that name no language take their mailbox's country and language from the active import. */
async function withRipeCountries(conn: Conn, contacts: AbuseContact[]): Promise<AbuseContact[]> {
  const ripe = contacts.filter((c) => c.source === "ripe" && !c.language).map((c) => c.mailbox);
  const found = await ripeMailboxCountries(conn, ripe);
  if (found.size === 0) return contacts;
  return contacts.map((c) => {
    const m = c.source === "ripe" && !c.language ? found.get(c.mailbox) : undefined;
    return m ? { ...c, language: m.language, country: m.country } : c;
  });
}
