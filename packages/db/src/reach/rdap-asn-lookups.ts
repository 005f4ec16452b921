import type { FallbackAnswer } from "@baken/core";
import type pg from "pg";
import { rows, type Conn } from "../transaction.ts";
import {
  FOUND_RDAP_COLUMNS,
  rdapFallbackAnswer,
  type FoundRdapAnswer,
  type RdapAnswerFields,
} from "./contact-lookups.ts";

/**
 * The AS numbers of a list's exposures no registered organization reaches, each with the row's single
 * address (null for a row with none): RDAP is asked for an ASN only where the address reached no one.
 */
export async function listLookupAsns(conn: Conn, listId: string): Promise<{ ip: string | null; asn: number }[]> {
  const found = await rows<{ ip: string | null; asn: string }>(
    conn,
    `SELECT DISTINCT CASE WHEN masklen(e."ip") = CASE family(e."ip") WHEN 4 THEN 32 ELSE 128 END THEN host(e."ip") END AS "ip",
            e."asn"::text AS "asn"
       FROM "exposure" e
      WHERE e."list_id" = $1::uuid AND e."asn" IS NOT NULL
        AND (e."organization_id" IS NULL OR e."match_reason" IN ('security_txt', 'abuse_network', 'abuse_asn'))`,
    [listId],
  );
  return found.map((f) => ({ ip: f.ip, asn: Number(f.asn) }));
}

/** Of these AS numbers, those no answer still valid covers: to be asked. */
export async function rdapAsnDue(conn: Conn, asns: number[]): Promise<number[]> {
  const due = await rows<{ asn: string }>(
    conn,
    `SELECT a::text AS "asn" FROM unnest($1::bigint[]) AS a
      WHERE NOT EXISTS (SELECT 1 FROM "rdap_asn_lookup" r
                         WHERE r."first_asn" <= a AND a <= r."last_asn" AND r."expires_at" > now())`,
    [asns],
  );
  return due.map((d) => Number(d.asn));
}

export type RdapAsnLookupRow = RdapAnswerFields & { query: number; firstAsn: number; lastAsn: number };

/** Records an answer for an AS block, replacing the earlier ones that overlap it. */
export async function saveRdapAsnLookup(conn: Conn, r: RdapAsnLookupRow): Promise<void> {
  await rows(
    conn,
    `DELETE FROM "rdap_asn_lookup" WHERE "first_asn" <= $2 AND $1 <= "last_asn" AND ("first_asn", "last_asn") <> ($1, $2)`,
    [r.firstAsn, r.lastAsn],
  );
  await rows(
    conn,
    `INSERT INTO "rdap_asn_lookup" ("query", "url", "outcome", "first_asn", "last_asn", "mailbox", "handle", "name",
       "country", "abuse_path", "language", "reason", "fetched_at", "expires_at")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::"Language", $12, $13, $14)
     ON CONFLICT ("first_asn", "last_asn") DO UPDATE SET "query" = excluded."query", "url" = excluded."url",
       "outcome" = excluded."outcome", "mailbox" = excluded."mailbox", "handle" = excluded."handle",
       "name" = excluded."name", "country" = excluded."country", "abuse_path" = excluded."abuse_path",
       "language" = excluded."language", "reason" = excluded."reason", "fetched_at" = excluded."fetched_at",
       "expires_at" = excluded."expires_at"`,
    [
      r.query,
      r.url,
      r.outcome,
      r.firstAsn,
      r.lastAsn,
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

/** The most numbers of one AS block loaded one by one; a larger block answers for the number asked only. */
const BLOCK_MAX = 65_536;

/**
 * Adds RDAP's AS answers to the fallback's ASNs, for the numbers the RIPE import has none for (its answer
 * wins, as on a prefix), with their provenance (`rdap AS64500 (EXAMPLE-AS), registrant ORG-1 > abuse
 * ABUSE-1, https://rdap.example/autnum/64500 (read 2026-12-01)`).
 */
export async function addRdapAsnAnswers(
  client: Pick<pg.PoolClient, "query">,
  asns: Map<number, FallbackAnswer>,
): Promise<void> {
  const { rows: found } = await client.query<FoundRdapAnswer & { query: string; firstAsn: string; lastAsn: string }>(
    `SELECT "query"::text AS "query", "first_asn"::text AS "firstAsn", "last_asn"::text AS "lastAsn", ${FOUND_RDAP_COLUMNS}
       FROM "rdap_asn_lookup" WHERE "outcome" = 'found' ORDER BY "id"`,
  );
  for (const a of found) {
    const answer = rdapFallbackAnswer(a, `AS${a.query}`);
    const [query, first, last] = [Number(a.query), Number(a.firstAsn), Number(a.lastAsn)];
    const [from, to] = last - first < BLOCK_MAX ? [first, last] : [query, query];
    for (let asn = from; asn <= to; asn++) if (!asns.has(asn)) asns.set(asn, answer);
  }
}
