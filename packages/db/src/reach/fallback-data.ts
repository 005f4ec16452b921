import {
  PackedAnswers,
  parseCidr,
  parseV4,
  PrefixMapBuilder,
  type FallbackAnswer,
  type FallbackData,
  type Language,
} from "@baken/core";
import { setImmediate as turn } from "node:timers/promises";
import type pg from "pg";
import { withClientTransaction } from "../checkout.ts";
import { copyLines, unescapeCopy } from "../copy-lines.ts";
import type { Db } from "../client.ts";
import { rows, type Conn } from "../transaction.ts";
import { FOUND_RDAP_COLUMNS, rdapFallbackAnswer, readOn, type FoundRdapAnswer } from "./contact-lookups.ts";
import { addRdapAsnAnswers } from "./rdap-asn-lookups.ts";

/**
 * What the loaded fallback depends on: the active RIPE import, the blocked mailboxes, staff's overrides
 * (an added one is the newest, a removed one lowers the count) and the online lookups that found a contact
 * (security.txt, RDAP for networks and AS numbers; a security.txt counts until its file expires, so one
 * expiring changes the version too). Cheap to read at every upload; when it changes, the fallback is loaded
 * again.
 * (Making an abuse-contact organization changes none of them.)
 */
export async function readFallbackVersion(conn: Conn): Promise<string> {
  const [row] = await rows<{ version: string }>(
    conn,
    `SELECT coalesce((SELECT "id" FROM "ripe_import" WHERE "active"), 0) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("blocked_at")::text, '') FROM "organization" WHERE "blocked_at" IS NOT NULL) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "security_txt_lookup"
              WHERE "outcome" = 'found' AND "file_expires" > now()) || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "rdap_lookup" WHERE "outcome" = 'found') || ':' ||
            (SELECT count(*) || ':' || coalesce(max("fetched_at")::text, '') FROM "rdap_asn_lookup" WHERE "outcome" = 'found') || ':' ||
            (SELECT count(*) || ':' || coalesce(max("created_at")::text, '') FROM "contact_override")
            AS "version"`,
  );
  return row!.version;
}

type PrefixRow = { mailbox: string; kind: string; source: string; name: string | null };

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
      const answers = new PackedAnswers("ripe", rdap);
      // The rows in the map's order (the primary key's), as COPY text: PrefixMapBuilder then has nothing
      // to sort, and pg makes no object per row. Parsed a piece at a time, between turns of the event loop.
      // A plain scan in key order: compiling it (JIT, past its cost threshold at this size) gains nothing.
      await client.query(`SET LOCAL jit = off`);
      const [active] = (await client.query<{ id: number }>(`SELECT "id" FROM "ripe_import" WHERE "active"`)).rows;
      if (active) {
        await copyLines(
          client,
          `SELECT "cidr", "mailbox", "kind", "source", "name" FROM "ripe_prefix"
            WHERE "import_id" = ${Number(active.id)} ORDER BY "cidr"`,
          (f) => {
            const name = unescapeCopy(f[4]!);
            const object = `${f[2]} ${unescapeCopy(f[3]!)}${name ? ` (${name})` : ""}`;
            const answer = answers.add(unescapeCopy(f[1]!)!, object);
            const cidr = f[0]!;
            const slash = cidr.indexOf("/");
            const v4 = parseV4(cidr, 0, slash);
            if (v4 >= 0) builder.addV4(v4, Number(cidr.slice(slash + 1)), answer);
            else {
              const parsed = parseCidr(cidr);
              if (parsed.ok) builder.add(parsed.cidr, answer);
            }
          },
          () => turn(),
        );
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
        prefixAnswers: answers,
        asns,
        securityTxt: online.securityTxt,
        blocked: new Set(blocked.rows.map((b) => b.mailbox)),
        overrides: { prefixes: overrides.build(), targets },
      };
    },
    { begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" },
  );
}

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
        object: `${f.url} (read ${readOn(f.fetchedAt)})`,
        language: f.language,
      },
    ]),
  );
  const { rows: networks } = await client.query<FoundRdapAnswer & { prefixes: string[] }>(
    `SELECT "prefixes"::text[] AS "prefixes", ${FOUND_RDAP_COLUMNS}
       FROM "rdap_lookup" WHERE "outcome" = 'found' ORDER BY "id"`,
  );
  const rdap = networks.map((n) => ({ prefixes: n.prefixes, answer: rdapFallbackAnswer(n, n.prefixes.join(", ")) }));
  return { securityTxt, rdap };
}
