import type { Config } from "@baken/config";
import { createDb } from "@baken/db";
import { createProducer, createRedis } from "@baken/queue";
import type { Ctx } from "@baken/services";
import type { Redis } from "ioredis";

export type AppContext = Ctx & { redis: Redis; close(): Promise<void> };

/** Connections the API holds: one database pool, one Redis connection shared by the queue producers. */
export function createAppContext(config: Config): AppContext {
  const db = createDb(config.databaseUrl);
  const redis = createRedis(config.redis.url, "producer");
  const producer = createProducer(redis, config.redis.prefix, config.notices.attempts);
  return {
    db,
    config,
    producer,
    redis,
    async close() {
      await producer.close();
      redis.disconnect();
      await db.close();
    },
  };
}
