import { buildMatcher, type Matcher } from "@baken/core";
import { loadRegistrySnapshot, readRegistryVersion, withTransaction, type Conn, type Db } from "@baken/db";
import type { Ctx } from "../context.ts";

// Matching runs in memory, not in SQL. Measured on the 2-core reference machine (npm run bench:match,
// 100,000 prefixes): the trie answers 14.9 M longest-prefix lookups/s (7.8 M/s with every candidate,
// 1.7 M/s including parsing the address text) and builds in ~0.2 s, while PostgreSQL (a LATERAL
// `cidr >>= ip ORDER BY masklen DESC LIMIT 1` probe per address on the GiST index) manages 0.05 M/s,
// ~300x slower, before domains, ASNs and manual assignments. In memory also lets upload rows be
// matched as they stream past, so each is written once, already matched.

/** A matcher built from what `conn` sees now: inside a transaction, including its own uncommitted changes. */
export async function loadMatcher(conn: Conn): Promise<Matcher> {
  return buildMatcher(await loadRegistrySnapshot(conn));
}

type Cached = { version: string; matcher: Promise<Matcher> };
const cache = new WeakMap<Db, Cached>();

/**
 * The matcher for the registry as committed, cached per process and keyed by the registry version
 * (registry_version, bumped by triggers in the same transaction as any change): one cheap read per call
 * tells whether another process, or this one, changed the registry since the matcher was built.
 */
export async function getMatcher(ctx: Pick<Ctx, "db">): Promise<Matcher> {
  const db = ctx.db;
  const version = await readRegistryVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.matcher;
  const matcher = (async () => {
    try {
      // One snapshot for the version and the data, so the matcher is exactly that version's registry.
      const { loadedVersion, m } = await withTransaction(
        db,
        async (tx) => ({ loadedVersion: await readRegistryVersion(tx), m: await loadMatcher(tx) }),
        { isolation: "repeatable read", readOnly: true },
      );
      // A newer version than asked for is as good: cache it under its own number.
      if (loadedVersion !== version) cache.set(db, { version: loadedVersion, matcher: Promise.resolve(m) });
      return m;
    } catch (err) {
      cache.delete(db);
      throw err;
    }
  })();
  cache.set(db, { version, matcher });
  return matcher;
}
