import { Redis, type RedisOptions } from "ioredis";

/**
 * Workers need maxRetriesPerRequest: null (BullMQ blocks on Redis and must wait it out);
 * producers in the API fail fast instead, so a request never hangs when Redis is down.
 */
export function createRedis(url: string, role: "worker" | "producer"): Redis {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 };
  const redis = new Redis(url, { ...options, lazyConnect: false });
  // Errors surface through commands; without a listener ioredis would print every reconnect attempt.
  redis.on("error", () => {});
  return redis;
}
