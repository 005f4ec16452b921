import type { Config } from "@baken/config";
import { createDb } from "@baken/db";
import { createMailer, type Mailer } from "@baken/mail";
import { createDomainThrottle, createProducer, createRedis, type DomainThrottle } from "@baken/queue";
import type { Ctx } from "@baken/services";

export type WorkerCtx = Ctx & { mailer: Mailer; throttle: DomainThrottle; lookupThrottle: DomainThrottle };

export function createWorkerContext(config: Config) {
  // One connection per job the mail queue may run at once (see workers.ts), plus a few for the rest.
  const db = createDb(config.databaseUrl, { max: config.smtp.poolSize * 2 + 3 });
  const redis = createRedis(config.redis.url, "worker");
  const producer = createProducer(redis, config.redis.prefix, config.notices.attempts);
  const mailer = createMailer(config.smtp.url, config.smtp.poolSize);
  const throttle = createDomainThrottle(redis, config.redis.prefix, config.notices.ratePerDomainPerMinute);
  // Requests per server (an RDAP registry, a domain's web server), counted apart from the notices' domains.
  const lookupThrottle = createDomainThrottle(
    redis,
    `${config.redis.prefix}:lookups`,
    config.contactLookup.ratePerServerPerMinute,
  );
  const ctx: WorkerCtx = { db, config, producer, mailer, throttle, lookupThrottle };
  return {
    ctx,
    redis,
    async close() {
      mailer.close();
      await producer.close();
      await db.close();
      redis.disconnect();
    },
  };
}
