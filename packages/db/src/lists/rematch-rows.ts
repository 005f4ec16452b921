import { addFallbackContacts, parseIpOrNetwork, type FallbackContact, type Matcher } from "@baken/core";
import { from as copyFrom } from "pg-copy-streams";
import { ensureAbuseContactOrganizations } from "../reach/abuse-contact-organizations.ts";
import { clientOf, type Tx } from "../transaction.ts";
import { CandidateSets } from "./candidate-sets.ts";
import { CopyWriter } from "./copy-text.ts";
import { lockOwners } from "./lock-owners.ts";

/** Exposures read per FETCH: a few MB of rows in memory at once, and few round trips. */
const REMATCH_BATCH_ROWS = 20_000;

/** The exposures a registry change can move: with these ips or hostnames, in this network, under this domain. */
export type AffectedExposures = { ips: string[]; hostnames: string[]; network: string | null; domain: string | null };

function affectedCondition(a: AffectedExposures, params: unknown[]): string {
  const where = [
    `abbrev(e."ip") = ANY($${params.push(a.ips)}::text[])`,
    `e."hostname" = ANY($${params.push(a.hostnames)}::text[])`,
  ];
  if (a.network) where.push(`e."ip" <<= $${params.push(a.network)}::cidr`);
  if (a.domain) {
    const n = params.push(a.domain);
    where.push(`e."hostname" = $${n} OR e."hostname" LIKE '%.' || $${n}`);
  }
  return where.join(" OR ");
}

/**
 * Re-matches a list's exposures (or only the `affected` ones) against `matcher`, inside the caller's
 * transaction: read in batches through a cursor, matched in memory, written back by COPY into a temporary
 * table and one UPDATE ... FROM. Returns how many exposures were read and how many changed owner.
 */
export async function rematchRows(
  tx: Tx,
  listId: string,
  matcher: Matcher,
  affected?: AffectedExposures,
): Promise<{ exposures: number; changed: number }> {
  const client = clientOf(tx);
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "rematch_row" ("id" integer PRIMARY KEY, "organization_id" uuid,
    "match_reason" "MatchReason", "candidate_set" text) ON COMMIT DROP`);
  await client.query(`TRUNCATE "rematch_row"`);
  const params: unknown[] = [listId];
  const only = affected ? `AND (${affectedCondition(affected, params)})` : "";
  await client.query(
    `DECLARE "rematch_cursor" NO SCROLL CURSOR FOR
     SELECT e."id", abbrev(e."ip") AS "ip", e."hostname", e."asn" FROM "exposure" e
     WHERE e."list_id" = $1::uuid ${only}`,
    params,
  );
  const sets = new CandidateSets();
  const owners = new Set<string>();
  const fallback = new Map<string, FallbackContact>();
  let exposures = 0;
  for (;;) {
    const batch = await client.query<{ id: number; ip: string | null; hostname: string | null; asn: number | null }>(
      `FETCH ${REMATCH_BATCH_ROWS} FROM "rematch_cursor"`,
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
      addFallbackContacts(matcher, m, fallback);
      out.line([r.id, m.organizationId, m.reason, sets.digestOf(m)]);
    }
    await out.end();
  }
  await client.query(`CLOSE "rematch_cursor"`);
  await ensureAbuseContactOrganizations(tx, [...fallback.values()]);
  await lockOwners(tx, owners);
  await sets.save(tx);
  const changed = await client.query(
    `UPDATE "exposure" e SET "organization_id" = r."organization_id", "match_reason" = r."match_reason", "candidate_set" = r."candidate_set"
     FROM "rematch_row" r WHERE e."list_id" = $1::uuid AND e."id" = r."id"
       AND (e."organization_id" IS DISTINCT FROM r."organization_id" OR e."match_reason" IS DISTINCT FROM r."match_reason"
            OR e."candidate_set" IS DISTINCT FROM r."candidate_set")`,
    [listId],
  );
  await client.query(`UPDATE "exposure_list" SET "matched_at" = now() WHERE "id" = $1::uuid`, [listId]);
  return { exposures, changed: changed.rowCount ?? 0 };
}
