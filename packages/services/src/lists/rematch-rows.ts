import { parseIpOrNetwork, type Matcher } from "@baken/core";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { CandidateSets } from "./candidate-sets.ts";
import { CopyWriter } from "./copy-text.ts";
import { lockOwners } from "./lock-owners.ts";

const BATCH = 20_000;

/**
 * Re-matches a list's exposures (or those `extra` selects, SQL over alias e) against `matcher`, inside
 * the caller's transaction: read in batches through a cursor, matched in memory, written back by COPY
 * into a temporary table and one UPDATE ... FROM. Returns how many exposures exist and changed owner.
 */
export async function rematchRows(
  client: pg.PoolClient,
  listId: string,
  matcher: Matcher,
  extra?: { sql: string; params: unknown[] },
): Promise<{ exposures: number; changed: number }> {
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "rematch_row" ("id" integer PRIMARY KEY, "organization_id" uuid,
    "match_reason" "MatchReason", "candidate_set" text) ON COMMIT DROP`);
  await client.query(`TRUNCATE "rematch_row"`);
  const params = [listId, ...(extra?.params ?? [])];
  await client.query(
    `DECLARE "rematch_cursor" NO SCROLL CURSOR FOR
     SELECT e."id", abbrev(e."ip") AS "ip", e."hostname", e."asn" FROM "exposure" e
     WHERE e."list_id" = $1::uuid ${extra ? `AND (${extra.sql})` : ""}`,
    params,
  );
  const sets = new CandidateSets();
  const owners = new Set<string>();
  let exposures = 0;
  for (;;) {
    const batch = await client.query<{ id: number; ip: string | null; hostname: string | null; asn: number | null }>(
      `FETCH ${BATCH} FROM "rematch_cursor"`,
    );
    if (batch.rows.length === 0) break;
    exposures += batch.rows.length;
    const copy = client.query(copyFrom(`COPY "rematch_row" FROM STDIN`));
    const out = new CopyWriter(copy);
    for (const r of batch.rows) {
      // An address, or a network (abbrev() writes it with its prefix).
      const a = r.ip ? parseIpOrNetwork(r.ip) : null;
      const address = a?.ok ? a : { ip: null, network: null };
      const m = matcher.match({ ...address, hostname: r.hostname, asn: r.asn });
      if (m.organizationId) owners.add(m.organizationId);
      out.line([r.id, m.organizationId, m.reason, sets.digestOf(m)]);
    }
    await out.end();
  }
  await client.query(`CLOSE "rematch_cursor"`);
  await lockOwners(client, owners);
  await sets.save(client);
  const changed = await client.query(
    `UPDATE "exposure" e SET "organization_id" = r."organization_id", "match_reason" = r."match_reason", "candidate_set" = r."candidate_set"
     FROM "rematch_row" r WHERE e."id" = r."id"
       AND (e."organization_id" IS DISTINCT FROM r."organization_id" OR e."match_reason" IS DISTINCT FROM r."match_reason"
            OR e."candidate_set" IS DISTINCT FROM r."candidate_set")`,
  );
  await client.query(`UPDATE "exposure_list" SET "matched_at" = now() WHERE "id" = $1::uuid`, [listId]);
  return { exposures, changed: changed.rowCount ?? 0 };
}
