import { loadConfig, type Config } from "@baken/config";
import { createDb, type Db } from "@baken/db";
import { createProducer, createRedis, type Producer } from "@baken/queue";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";

export type ServicesContext = { db: Db; config: Config; producer: Producer };

/**
 * The use cases' context on the run's test database and Redis prefix: opened before the file's tests, closed
 * after. Its fields are set in beforeAll: read them inside tests and helpers, not at the file's top level.
 */
export function useServicesContext(): ServicesContext {
  const config = loadConfig(process.env);
  const ctx = { config } as ServicesContext;
  let redis: ReturnType<typeof createRedis>;
  beforeAll(() => {
    ctx.db = createDb(config.databaseUrl, { max: 4 });
    redis = createRedis(config.redis.url, "producer");
    ctx.producer = createProducer(redis, config.redis.prefix, 1);
  });
  afterAll(async () => {
    await ctx.producer.close();
    redis.disconnect();
    await ctx.db.close();
  });
  return ctx;
}

/** A notice of `campaignId` to `organizationId` with nothing sent: what a host's notified state names. */
export const createBareNotice = (ctx: ServicesContext, campaignId: string, organizationId: string) =>
  ctx.db.prisma.notice.create({
    data: { reference: `T-${randomUUID()}`, campaignId, organizationId, recipients: [], language: "nl" },
  });
