import type { FallbackAnswer, Language } from "@baken/core";
import { rows, type Conn } from "../transaction.ts";

export type LookupOutcome = "found" | "unusable" | "failed";

/**
 * What a list's online lookups are about: the distinct hostnames and single addresses of its exposures
 * no registered organization reaches (nobody, or a fallback contact only).
 */
export async function listLookupTargets(conn: Conn, listId: string): Promise<{ hostnames: string[]; ips: string[] }> {
  const unowned = `e."list_id" = $1::uuid AND (e."organization_id" IS NULL OR e."match_reason" IN ('security_txt', 'abuse_network', 'abuse_asn'))`;
  const hostnames = await rows<{ hostname: string }>(
    conn,
    `SELECT DISTINCT e."hostname" FROM "exposure" e WHERE ${unowned} AND e."hostname" IS NOT NULL`,
    [listId],
  );
  const ips = await rows<{ ip: string }>(
    conn,
    `SELECT DISTINCT host(e."ip") AS "ip" FROM "exposure" e
      WHERE ${unowned} AND e."ip" IS NOT NULL AND masklen(e."ip") = CASE family(e."ip") WHEN 4 THEN 32 ELSE 128 END`,
    [listId],
  );
  return { hostnames: hostnames.map((h) => h.hostname), ips: ips.map((i) => i.ip) };
}

/** Of these registered domains, those without an answer still valid: to be fetched. */
export async function securityTxtDue(conn: Conn, domains: string[]): Promise<string[]> {
  const due = await rows<{ domain: string }>(
    conn,
    `SELECT d AS "domain" FROM unnest($1::text[]) AS d
      WHERE NOT EXISTS (SELECT 1 FROM "security_txt_lookup" s WHERE s."domain" = d AND s."expires_at" > now())`,
    [domains],
  );
  return due.map((d) => d.domain);
}

export type SecurityTxtLookupRow = {
  domain: string;
  url: string;
  outcome: LookupOutcome;
  mailbox: string | null;
  languages: string[];
  language: Language | null;
  fileExpires: Date | null;
  reason: string | null;
  fetchedAt: Date;
  expiresAt: Date;
};

/** Records a domain's answer, replacing the one before. */
export async function saveSecurityTxtLookup(conn: Conn, r: SecurityTxtLookupRow): Promise<void> {
  await rows(
    conn,
    `INSERT INTO "security_txt_lookup" ("domain", "url", "outcome", "mailbox", "languages", "language", "file_expires",
       "reason", "fetched_at", "expires_at")
     VALUES ($1, $2, $3, $4, $5::text[], $6::"Language", $7, $8, $9, $10)
     ON CONFLICT ("domain") DO UPDATE SET "url" = excluded."url", "outcome" = excluded."outcome",
       "mailbox" = excluded."mailbox", "languages" = excluded."languages", "language" = excluded."language",
       "file_expires" = excluded."file_expires", "reason" = excluded."reason", "fetched_at" = excluded."fetched_at",
       "expires_at" = excluded."expires_at"`,
    [r.domain, r.url, r.outcome, r.mailbox, r.languages, r.language, r.fileExpires, r.reason, r.fetchedAt, r.expiresAt],
  );
}

/** The prefixes of every RDAP answer still valid (found or not): an address inside one is not asked for. */
export async function rdapCoveredPrefixes(conn: Conn): Promise<string[]> {
  const found = await rows<{ cidr: string }>(
    conn,
    `SELECT p::text AS "cidr" FROM "rdap_lookup" r, unnest(r."prefixes") AS p WHERE r."expires_at" > now()`,
  );
  return found.map((f) => f.cidr);
}

/** What an RDAP answer records, for a network or an AS block alike. */
export type RdapAnswerFields = {
  url: string;
  outcome: LookupOutcome;
  mailbox: string | null;
  handle: string | null;
  name: string | null;
  country: string | null;
  abusePath: string | null;
  language: Language | null;
  reason: string | null;
  fetchedAt: Date;
  expiresAt: Date;
};

export type RdapLookupRow = RdapAnswerFields & { query: string; prefixes: string[] };

/** What the fallback reads of a usable RDAP answer (outcome found, so a mailbox), networks' and ASNs' alike. */
export type FoundRdapAnswer = Pick<
  RdapAnswerFields,
  "url" | "handle" | "name" | "abusePath" | "language" | "fetchedAt"
> & {
  mailbox: string;
};
export const FOUND_RDAP_COLUMNS = `"url", "mailbox", "handle", "name", "abuse_path" AS "abusePath", "language", "fetched_at" AS "fetchedAt"`;

/** The day an online answer was read, as its provenance says it. */
export const readOn = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A found RDAP answer as a fallback answer, with its provenance: the object's handle (else `asked`, what the
 * lookup was about) and name, the path to its abuse entity, where it was read and when.
 */
export function rdapFallbackAnswer(a: FoundRdapAnswer, asked: string): FallbackAnswer {
  const what = `${a.handle ?? asked}${a.name ? ` (${a.name})` : ""}`;
  return {
    mailbox: a.mailbox,
    source: "rdap",
    object: `${what}${a.abusePath ? `, ${a.abusePath}` : ""}, ${a.url} (read ${readOn(a.fetchedAt)})`,
    language: a.language,
  };
}

/** Records an RDAP answer, replacing the earlier ones that share a prefix with it. */
export async function saveRdapLookup(conn: Conn, r: RdapLookupRow): Promise<void> {
  await rows(conn, `DELETE FROM "rdap_lookup" WHERE "prefixes" && $1::cidr[] AND "prefixes" <> $1::cidr[]`, [
    r.prefixes,
  ]);
  await rows(
    conn,
    `INSERT INTO "rdap_lookup" ("query", "url", "outcome", "prefixes", "mailbox", "handle", "name", "country",
       "abuse_path", "language", "reason", "fetched_at", "expires_at")
     VALUES ($1, $2, $3, $4::cidr[], $5, $6, $7, $8, $9, $10::"Language", $11, $12, $13)
     ON CONFLICT ("prefixes") DO UPDATE SET "query" = excluded."query", "url" = excluded."url",
       "outcome" = excluded."outcome", "mailbox" = excluded."mailbox", "handle" = excluded."handle",
       "name" = excluded."name", "country" = excluded."country", "abuse_path" = excluded."abuse_path",
       "language" = excluded."language", "reason" = excluded."reason", "fetched_at" = excluded."fetched_at",
       "expires_at" = excluded."expires_at"`,
    [
      r.query,
      r.url,
      r.outcome,
      r.prefixes,
      r.mailbox,
      r.handle,
      r.name,
      r.country,
      r.abusePath,
      r.language,
      r.reason,
      r.fetchedAt,
      r.expiresAt,
    ],
  );
}

/** Marks a list's lookups done: its matches now include what they found. */
export async function markContactsLookedUp(conn: Conn, listId: string): Promise<void> {
  await rows(conn, `UPDATE "exposure_list" SET "contacts_looked_up_at" = now() WHERE "id" = $1::uuid`, [listId]);
}

/**
 * Lists uploaded between `withinMs` and `olderThanMs` ago whose lookups have not run: their job was never
 * queued (Redis down at upload) or was lost with Redis's data.
 */
export async function listsAwaitingContactLookups(
  conn: Conn,
  { olderThanMs, withinMs }: { olderThanMs: number; withinMs: number },
): Promise<string[]> {
  const found = await rows<{ id: string }>(
    conn,
    `SELECT "id" FROM "exposure_list"
      WHERE "contacts_looked_up_at" IS NULL
        AND "created_at" < now() - make_interval(secs => $1::float8 / 1000)
        AND "created_at" > now() - make_interval(secs => $2::float8 / 1000)
      ORDER BY "created_at"`,
    [olderThanMs, withinMs],
  );
  return found.map((r) => r.id);
}
