import {
  PackedAnswers,
  parseCidr,
  PrefixMapBuilder,
  type FallbackAnswer,
  type FallbackData,
  type Language,
} from "@baken/core";
import type pg from "pg";
import { withClientTransaction } from "../checkout.ts";
import type { Db } from "../client.ts";
import { rows, type Conn } from "../transaction.ts";
import { addRdapAsnAnswers } from "./rdap-asn-lookups.ts";

/**
 * Prefixes read per FETCH while the fallback loads: a MB or so at once, and parsed between two turns of the
 * event loop (the api loads it while answering requests).
 */
const LOAD_BATCH_ROWS = 10_000;

/**
 * What the loaded fallback depends on: the active RIPE import, the blocked mailboxes, staff's overrides
 * (an added one is the newest, a removed one lowers the count) and the online lookups that found a contact
 * (security.txt, RDAP for networks and AS numbers). Cheap to read at every upload; when it changes, the fallback is loaded again.
 * (Making an abuse-contact organization changes none of them.)
 */
export async function readFallbackVersion(conn: Conn): Promise<string> {
  const [row] = await rows<{ version: string }>(
    conn,
    `SELECT coalesce((SELECT "id" FROM "ripe_import" WHERE "active"), 0) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("blocked_at")::text, '') FROM "organization" WHERE "blocked_at" IS NOT NULL) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "security_txt_lookup" WHERE "outcome" = 'found') || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "rdap_lookup" WHERE "outcome" = 'found') || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "rdap_asn_lookup" WHERE "outcome" = 'found') || ':' ||
            (SELECT count(*) || ':' || coalesce(max("created_at")::text, '') FROM "contact_override")
            AS "version"`,
  );
  return row!.version;
}

type PrefixRow = { cidr: string; mailbox: string; kind: string; source: string; name: string | null };

/**
 * The fallback's data: the active import's prefixes in a PrefixMap and their answers packed (PackedAnswers:
 * memory goes with the number of ranges at ~50 bytes each, bench:ripe), its ASNs, the blocked mailboxes and
 * staff's overrides, read through a cursor in one snapshot. With them, what online lookups found: the
 * networks RDAP answered for (in the same map: the most specific range wins, and on the very same prefix
 * the RIPE import's), and each registered domain's security.txt while the file itself has not expired.
 */
export async function loadFallbackData(db: Db): Promise<FallbackData> {
  return withClientTransaction(
    db.pool,
    async (client) => {
      const builder = new PrefixMapBuilder();
      // One index space: the RDAP networks' answers first, then the RIPE ranges' (packed), added after them
      // so that on the very same prefix the import's wins.
      const online = await loadOnlineAnswers(client);
      const rdap = online.rdap.map((r) => r.answer);
      online.rdap.forEach((r, at) => {
        for (const cidr of r.prefixes) {
          const parsed = parseCidr(cidr);
          if (parsed.ok) builder.add(parsed.cidr, at);
        }
      });
      const answers = new PackedAnswers("ripe");
      const ripe = rdap.length;
      await client.query(
        `DECLARE "fallback_cursor" NO SCROLL CURSOR FOR
         SELECT p."cidr"::text AS "cidr", p."mailbox", p."kind", p."source", p."name"
           FROM "ripe_prefix" p JOIN "ripe_import" i ON i."id" = p."import_id" AND i."active"`,
      );
      for (;;) {
        const batch = await client.query<PrefixRow>(`FETCH ${LOAD_BATCH_ROWS} FROM "fallback_cursor"`);
        if (batch.rows.length === 0) break;
        for (const r of batch.rows) {
          const answer = ripe + answers.add(r.mailbox, `${r.kind} ${r.source}${r.name ? ` (${r.name})` : ""}`);
          const v4 = V4_CIDR.exec(r.cidr);
          if (v4) {
            builder.addV4(
              ((Number(v4[1]) << 24) | (Number(v4[2]) << 16) | (Number(v4[3]) << 8) | Number(v4[4])) >>> 0,
              Number(v4[5]),
              answer,
            );
            continue;
          }
          const parsed = parseCidr(r.cidr);
          if (parsed.ok) builder.add(parsed.cidr, answer);
        }
      }
      const asnRows = await client.query<PrefixRow & { asn: string }>(
        `SELECT a."asn"::text AS "asn", a."mailbox", a."kind", a."source", a."name"
           FROM "ripe_asn" a JOIN "ripe_import" i ON i."id" = a."import_id" AND i."active"`,
      );
      const asns = new Map<number, FallbackAnswer>(
        asnRows.rows.map((r) => [
          Number(r.asn),
          { mailbox: r.mailbox, source: "ripe", object: `${r.kind} ${r.source}` },
        ]),
      );
      await addRdapAsnAnswers(client, asns);
      // A blocked mailbox's organization is no override's target either.
      const overrideRows = await client.query<{ cidr: string; organizationId: string }>(
        `SELECT c."cidr"::text AS "cidr", c."organization_id" AS "organizationId"
           FROM "contact_override" c JOIN "organization" o ON o."id" = c."organization_id" AND o."blocked_at" IS NULL`,
      );
      const overrides = new PrefixMapBuilder();
      const targets = overrideRows.rows.map((r, i) => {
        const parsed = parseCidr(r.cidr);
        if (parsed.ok) overrides.add(parsed.cidr, i);
        return r;
      });
      const blocked = await client.query<{ mailbox: string }>(
        `SELECT "abuse_mailbox" AS "mailbox" FROM "organization" WHERE "blocked_at" IS NOT NULL AND "abuse_mailbox" IS NOT NULL`,
      );
      return {
        prefixes: await builder.buildInTurns(),
        prefixAnswers: { at: (i) => (i < ripe ? rdap[i] : answers.at(i - ripe)) },
        asns,
        securityTxt: online.securityTxt,
        blocked: new Set(blocked.rows.map((b) => b.mailbox)),
        overrides: { prefixes: overrides.build(), targets },
      };
    },
    { begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" },
  );
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The online lookups' usable answers, as fallback answers with their provenance (where, and when read). */
async function loadOnlineAnswers(client: pg.PoolClient) {
  const { rows: files } = await client.query<{
    domain: string;
    url: string;
    mailbox: string;
    language: Language | null;
    fetchedAt: Date;
  }>(
    `SELECT "domain", "url", "mailbox", "language", "fetched_at" AS "fetchedAt" FROM "security_txt_lookup"
      WHERE "outcome" = 'found' AND "file_expires" > now()`,
  );
  const securityTxt = new Map<string, FallbackAnswer>(
    files.map((f) => [
      f.domain,
      {
        mailbox: f.mailbox,
        source: "security_txt",
        object: `${f.url} (read ${day(f.fetchedAt)})`,
        language: f.language,
      },
    ]),
  );
  const { rows: networks } = await client.query<{
    prefixes: string[];
    url: string;
    mailbox: string;
    handle: string | null;
    name: string | null;
    abusePath: string | null;
    language: Language | null;
    fetchedAt: Date;
  }>(
    `SELECT "prefixes"::text[] AS "prefixes", "url", "mailbox", "handle", "name", "abuse_path" AS "abusePath",
            "language", "fetched_at" AS "fetchedAt"
       FROM "rdap_lookup" WHERE "outcome" = 'found' ORDER BY "id"`,
  );
  const rdap = networks.map((n) => {
    const what = `${n.handle ?? n.prefixes.join(", ")}${n.name ? ` (${n.name})` : ""}`;
    const path = n.abusePath ? `, ${n.abusePath}` : "";
    return {
      prefixes: n.prefixes,
      answer: {
        mailbox: n.mailbox,
        source: "rdap",
        object: `${what}${path}, ${n.url} (read ${day(n.fetchedAt)})`,
        language: n.language,
      } satisfies FallbackAnswer,
    };
  });
  return { securityTxt, rdap };
}

/** PostgreSQL's text of an IPv4 cidr (`192.0.2.0/24`): read without parseCidr's objects, millions of times. */
const V4_CIDR = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/;
