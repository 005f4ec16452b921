import { parseCidr, PrefixMapBuilder, type FallbackAnswer, type FallbackData, type Language } from "@baken/core";
import type pg from "pg";
import { withClientTransaction } from "../checkout.ts";
import type { Db } from "../client.ts";
import { rows, type Conn } from "../transaction.ts";

/**
 * Prefixes read per FETCH while the fallback loads: a MB or so at once, and parsed between two turns of the
 * event loop (the api loads it while answering requests).
 */
const LOAD_BATCH_ROWS = 10_000;

/**
 * What the loaded fallback depends on: the active RIPE import, the blocked mailboxes and the online
 * lookups that found a contact (security.txt, RDAP). Cheap to read at every upload; when it changes, the
 * fallback is loaded again. (Making an abuse-contact organization changes none of them.)
 */
export async function readFallbackVersion(conn: Conn): Promise<string> {
  const [row] = await rows<{ version: string }>(
    conn,
    `SELECT coalesce((SELECT "id" FROM "ripe_import" WHERE "active"), 0) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("blocked_at")::text, '') FROM "organization" WHERE "blocked_at" IS NOT NULL) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "security_txt_lookup" WHERE "outcome" = 'found') || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "rdap_lookup" WHERE "outcome" = 'found')
            AS "version"`,
  );
  return row!.version;
}

type PrefixRow = { cidr: string; mailbox: string; kind: string; source: string; name: string | null };

/**
 * The fallback's data: the active import's prefixes in a PrefixMap (answers shared per RIPE object, so
 * memory goes with the number of ranges, not of prefixes), its ASNs, and the blocked mailboxes. Read through
 * a cursor in one snapshot. With them, what online lookups found: the networks RDAP answered for (in the
 * same map: the most specific range wins, and on the very same prefix the RIPE import's), and each
 * registered domain's security.txt while the file itself has not expired.
 */
export async function loadFallbackData(db: Db): Promise<FallbackData> {
  return withClientTransaction(
    db.pool,
    async (client) => {
      const builder = new PrefixMapBuilder();
      const prefixAnswers: FallbackAnswer[] = [];
      const bySource = new Map<string, number>();
      const answerOf = (r: Omit<PrefixRow, "cidr">) => {
        const object = `${r.kind} ${r.source}${r.name ? ` (${r.name})` : ""}`;
        let at = bySource.get(object + "\u0001" + r.mailbox);
        if (at === undefined) {
          at = prefixAnswers.push({ mailbox: r.mailbox, source: "ripe", object }) - 1;
          bySource.set(object + "\u0001" + r.mailbox, at);
        }
        return at;
      };
      const online = await loadOnlineAnswers(client);
      for (const r of online.rdap) {
        const at = prefixAnswers.push(r.answer) - 1;
        for (const cidr of r.prefixes) {
          const parsed = parseCidr(cidr);
          if (parsed.ok) builder.add(parsed.cidr, at);
        }
      }
      await client.query(
        `DECLARE "fallback_cursor" NO SCROLL CURSOR FOR
         SELECT p."cidr"::text AS "cidr", p."mailbox", p."kind", p."source", p."name"
           FROM "ripe_prefix" p JOIN "ripe_import" i ON i."id" = p."import_id" AND i."active"`,
      );
      for (;;) {
        const batch = await client.query<PrefixRow>(`FETCH ${LOAD_BATCH_ROWS} FROM "fallback_cursor"`);
        if (batch.rows.length === 0) break;
        for (const r of batch.rows) {
          const parsed = parseCidr(r.cidr);
          if (parsed.ok) builder.add(parsed.cidr, answerOf(r));
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
      const blocked = await client.query<{ mailbox: string }>(
        `SELECT "abuse_mailbox" AS "mailbox" FROM "organization" WHERE "blocked_at" IS NOT NULL AND "abuse_mailbox" IS NOT NULL`,
      );
      return {
        prefixes: await builder.buildInTurns(),
        prefixAnswers,
        asns,
        securityTxt: online.securityTxt,
        blocked: new Set(blocked.rows.map((b) => b.mailbox)),
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
