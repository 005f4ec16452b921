import { buildMatcher, type Matcher, type RegistrySnapshot } from "@baken/core";
import { withTransaction } from "@baken/db";
import type pg from "pg";
import type { Ctx } from "../context.ts";

// Matching runs in memory, not in SQL. Measured on the 2-core reference machine (npm run bench:match,
// 100,000 prefixes): the trie answers 14.9 M longest-prefix lookups/s (7.8 M/s with every candidate,
// 1.7 M/s including parsing the address text) and builds in ~0.2 s, while PostgreSQL (a LATERAL
// `cidr >>= ip ORDER BY masklen DESC LIMIT 1` probe per address on the GiST index) manages 0.05 M/s,
// ~300x slower, before domains, ASNs and manual assignments. In memory also lets upload rows be
// matched as they stream past, so each is written once, already matched.

type Queryable = Pick<pg.PoolClient, "query">;

/** Reads what matching needs from the registry (active organizations only), each in registration order. */
export async function loadRegistrySnapshot(db: Queryable): Promise<RegistrySnapshot> {
  const active = `JOIN "organization" o ON o."id" = t."organization_id" AND o."active"`;
  // One after another: on a single connection (a transaction) pg runs them in turn anyway.
  const networks = await db.query<{ organizationId: string; cidr: string }>(
    `SELECT t."organization_id" AS "organizationId", t."cidr"::text AS "cidr" FROM "network" t ${active} ORDER BY t."id"`,
  );
  const domains = await db.query<{ organizationId: string; name: string }>(
    `SELECT t."organization_id" AS "organizationId", t."name" FROM "domain" t ${active} ORDER BY t."id"`,
  );
  const asns = await db.query<{ organizationId: string; asn: number }>(
    `SELECT t."organization_id" AS "organizationId", t."asn" FROM "autonomous_system" t ${active} ORDER BY t."id"`,
  );
  const manual = await db.query<{ organizationId: string; ip: string | null; hostname: string | null }>(
    `SELECT t."organization_id" AS "organizationId", abbrev(t."ip") AS "ip", t."hostname" FROM "manual_assignment" t ${active} ORDER BY t."id"`,
  );
  return { networks: networks.rows, domains: domains.rows, asns: asns.rows, manual: manual.rows };
}

/** A matcher built from what `db` sees now: inside a transaction, including its own uncommitted changes. */
export async function loadMatcher(db: Queryable): Promise<Matcher> {
  return buildMatcher(await loadRegistrySnapshot(db));
}

type Cached = { version: string; matcher: Promise<Matcher> };
const cache = new WeakMap<pg.Pool, Cached>();

/**
 * The matcher for the registry as committed, cached per process and keyed by the registry version
 * (registry_version, bumped by triggers in the same transaction as any change): one cheap read per call
 * tells whether another process, or this one, changed the registry since the matcher was built.
 */
export async function getMatcher(ctx: Pick<Ctx, "db">): Promise<Matcher> {
  const pool = ctx.db.pool;
  const { rows } = await pool.query<{ version: string }>(
    `SELECT "version"::text AS "version" FROM "registry_version" WHERE "id" = 1`,
  );
  const version = rows[0]?.version ?? "0";
  const hit = cache.get(pool);
  if (hit && hit.version === version) return hit.matcher;
  const matcher = (async () => {
    try {
      // One snapshot for the version and the data, so the matcher is exactly that version's registry.
      const { v, m } = await withTransaction(
        pool,
        async (client) => {
          const v = await client.query<{ version: string }>(
            `SELECT "version"::text AS "version" FROM "registry_version" WHERE "id" = 1`,
          );
          return { v, m: await loadMatcher(client) };
        },
        { begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" },
      );
      const loadedVersion = v.rows[0]?.version ?? "0";
      // A newer version than asked for is as good: cache it under its own number.
      if (loadedVersion !== version) cache.set(pool, { version: loadedVersion, matcher: Promise.resolve(m) });
      return m;
    } catch (err) {
      cache.delete(pool);
      throw err;
    }
  })();
  cache.set(pool, { version, matcher });
  return matcher;
}
