import { parseCidr, PrefixMapBuilder, type FallbackAnswer, type FallbackData } from "@baken/core";
import { withClientTransaction } from "../checkout.ts";
import type { Db } from "../client.ts";
import { rows, type Conn } from "../transaction.ts";

/**
 * Prefixes read per FETCH while the fallback loads: a MB or so at once, and parsed between two turns of the
 * event loop (the api loads it while answering requests).
 */
const LOAD_BATCH_ROWS = 10_000;

/**
 * What the loaded fallback depends on: the active RIPE import and the blocked mailboxes. Cheap to read at
 * every upload; when it changes, the fallback is loaded again. (Making an abuse-contact organization
 * changes neither.)
 */
export async function readFallbackVersion(conn: Conn): Promise<string> {
  const [row] = await rows<{ version: string }>(
    conn,
    `SELECT coalesce((SELECT "id" FROM "ripe_import" WHERE "active"), 0) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("blocked_at")::text, '') FROM "organization" WHERE "blocked_at" IS NOT NULL)
            AS "version"`,
  );
  return row!.version;
}

type PrefixRow = { cidr: string; mailbox: string; kind: string; source: string; name: string | null };

/**
 * The fallback's data: the active import's prefixes in a PrefixMap (answers shared per RIPE object, so
 * memory goes with the number of ranges, not of prefixes), its ASNs, and the blocked mailboxes. Read through
 * a cursor in one snapshot.
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
        securityTxt: new Map(),
        blocked: new Set(blocked.rows.map((b) => b.mailbox)),
      };
    },
    { begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" },
  );
}
