import { buildMatcherInTurns, withFallback, type FallbackData, type FallbackMatcher, type Matcher } from "@baken/core";
import {
  loadFallbackData,
  loadRegistrySnapshot,
  readFallbackVersion,
  readRegistryVersion,
  withTransaction,
  type Conn,
  type Db,
} from "@baken/db";
import type { Ctx } from "../context.ts";

// Matching runs in memory, not in SQL. Measured on the 2-core reference machine (npm run bench:match,
// 100,000 prefixes): the trie answers 14.9 M longest-prefix lookups/s (7.8 M/s with every candidate,
// 1.7 M/s including parsing the address text) and builds in ~0.2 s (in turns of the event loop), while PostgreSQL (a LATERAL
// `cidr >>= ip ORDER BY masklen DESC LIMIT 1` probe per address on the GiST index) manages 0.05 M/s,
// ~300x slower, before domains, ASNs and manual assignments. In memory also lets upload rows be
// matched as they stream past, so each is written once, already matched.

/**
 * A matcher built from what `conn` sees now: inside a transaction, including its own uncommitted changes;
 * then the fallback contacts as loaded (see getFallback).
 */
export async function loadMatcher(conn: Conn, ctx: Pick<Ctx, "db">): Promise<FallbackMatcher> {
  return withFallback(await buildMatcherInTurns(await loadRegistrySnapshot(conn)), await getFallback(ctx));
}

/** A version's value, `loaded` once its promise has settled well. */
type Cached<T> = { version: string; value: Promise<T>; loaded?: boolean };
const registryCache = new WeakMap<Db, Cached<Matcher>>();
const fallbackCache = new WeakMap<Db, Cached<FallbackData>>();
const combinedCache = new WeakMap<Db, { registry: Matcher; fallback: FallbackData; matcher: FallbackMatcher }>();

/**
 * The matcher for the registry as committed, then the fallback contacts (the active RIPE import, minus the
 * blocked mailboxes), each cached per process and keyed by its version: the registry's (registry_version,
 * bumped by triggers in the same transaction as any change) and the fallback's (readFallbackVersion), so
 * two cheap reads per call tell whether another process, or this one, changed either since it was built.
 */
export async function getMatcher(ctx: Pick<Ctx, "db">): Promise<FallbackMatcher> {
  const [registry, fallback] = await Promise.all([getRegistryMatcher(ctx.db), getFallback(ctx)]);
  const hit = combinedCache.get(ctx.db);
  if (hit && hit.registry === registry && hit.fallback === fallback) return hit.matcher;
  const matcher = withFallback(registry, fallback);
  combinedCache.set(ctx.db, { registry, fallback, matcher });
  return matcher;
}

async function getRegistryMatcher(db: Db): Promise<Matcher> {
  const version = await readRegistryVersion(db);
  return cached(registryCache, db, version, async () => {
    // One snapshot for the version and the data, so the matcher is exactly that version's registry.
    const { loadedVersion, m } = await withTransaction(
      db,
      async (tx) => ({
        loadedVersion: await readRegistryVersion(tx),
        m: await buildMatcherInTurns(await loadRegistrySnapshot(tx)),
      }),
      { isolation: "repeatable read", readOnly: true },
    );
    // A newer version than asked for is as good: cache it under its own number.
    if (loadedVersion !== version) {
      registryCache.set(db, { version: loadedVersion, value: Promise.resolve(m), loaded: true });
    }
    return m;
  });
}

/** The fallback's data, loaded again when its version moves (another import active, a mailbox blocked). */
export async function getFallback(ctx: Pick<Ctx, "db">): Promise<FallbackData> {
  const version = await readFallbackVersion(ctx.db);
  return cached(fallbackCache, ctx.db, version, () => loadFallbackData(ctx.db));
}

async function cached<T>(cache: WeakMap<Db, Cached<T>>, db: Db, version: string, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.value;
  const entry: Cached<T> = {
    version,
    value: load().then(
      (loaded) => {
        entry.loaded = true;
        return loaded;
      },
      (err) => {
        if (cache.get(db) === entry) cache.delete(db);
        throw err;
      },
    ),
  };
  cache.set(db, entry);
  return entry.value;
}

/**
 * Whether this process holds the registry's and the fallback's versions of now, loaded: then an upload
 * starts matching at once. What the api's periodic refresh (getMatcher every MATCHER_REFRESH_SECONDS) keeps
 * true between uploads: the fallback of a real RIPE import takes 7-11 s to load.
 */
export async function matcherIsCurrent(ctx: Pick<Ctx, "db">): Promise<boolean> {
  const [registry, fallback] = await Promise.all([readRegistryVersion(ctx.db), readFallbackVersion(ctx.db)]);
  const held = (cache: WeakMap<Db, Cached<unknown>>, version: string) => {
    const hit = cache.get(ctx.db);
    return hit?.version === version && hit.loaded === true;
  };
  return held(registryCache, registry) && held(fallbackCache, fallback);
}
