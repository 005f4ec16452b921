import type { Redis } from "ioredis";

/** What Redis says about keeping jobs; null where it does not say (CONFIG disabled, as on managed Redis). */
export type RedisPersistence = { appendonly: string | null; evictionPolicy: string | null };

async function configGet(redis: Redis, name: string): Promise<string | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000).unref());
  const answer = redis.config("GET", name).then(
    (pair) => (Array.isArray(pair) && typeof pair[1] === "string" ? pair[1] : null),
    () => null,
  );
  return Promise.race([answer, timeout]);
}

export async function redisPersistence(redis: Redis): Promise<RedisPersistence> {
  const [appendonly, evictionPolicy] = await Promise.all([
    configGet(redis, "appendonly"),
    configGet(redis, "maxmemory-policy"),
  ]);
  return { appendonly, evictionPolicy };
}

/**
 * Queued notices live only in Redis: without the append-only file a Redis restart loses them (the repair
 * sweep re-queues them, but only what the database knows), and an eviction policy other than noeviction
 * drops jobs when memory runs short. What to tell the operator, if anything.
 */
export function persistenceWarnings(p: RedisPersistence): string[] {
  const warnings: string[] = [];
  if (p.appendonly === null || p.evictionPolicy === null) {
    warnings.push(
      "could not read Redis's configuration (CONFIG not allowed): make sure it runs with appendonly yes and maxmemory-policy noeviction",
    );
  }
  if (p.appendonly === "no") {
    warnings.push("Redis has appendonly off: a Redis restart loses the queues; run it with appendonly yes");
  }
  if (p.evictionPolicy !== null && p.evictionPolicy !== "noeviction") {
    warnings.push(
      `Redis evicts keys (maxmemory-policy ${p.evictionPolicy}): jobs can vanish; run it with maxmemory-policy noeviction`,
    );
  }
  return warnings;
}
