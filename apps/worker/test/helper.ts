import { loadConfig } from "@baken/config";
import { createDb } from "@baken/db";
import { createProducer, createRedis } from "@baken/queue";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { startBounceIntake } from "../src/bounce-intake.ts";
import { createWorkerContext } from "../src/context.ts";
import { startWorkers } from "../src/workers.ts";

/**
 * The real BullMQ workers, in the test process, sending to `smtpUrl` (an SmtpSink). Close it after the test.
 * `bounces`: with the bounce listener too, on a port the system picks (`bounces.port`).
 */
export async function startTestWorker(smtpUrl: string, env: Record<string, string> = {}, { bounces = false } = {}) {
  const config = loadConfig({ ...process.env, SMTP_URL: smtpUrl, NOTICE_RATE_PER_SECOND: "0", ...env });
  const context = createWorkerContext(config);
  const log = pino({ level: "silent" });
  const running = await startWorkers(context.ctx, context.redis, log);
  const listener = bounces ? await startBounceIntake(context.ctx, log, 0) : null;
  return {
    ctx: context.ctx,
    bouncePort: listener?.port ?? 0,
    async close() {
      await listener?.close();
      await running.close();
      await context.close();
    },
  };
}

/**
 * What the api holds (database, the producer's Redis connection), for a test that sends or inspects queues
 * while the workers run elsewhere (another process, or not at all). Close it after the test.
 */
export function producerContext() {
  const config = loadConfig(process.env);
  const db = createDb(config.databaseUrl);
  const redis = createRedis(config.redis.url, "producer");
  const producer = createProducer(redis, config.redis.prefix, config.notices.attempts);
  return {
    ctx: { db, config, producer, redis },
    async close() {
      await producer.close();
      redis.disconnect();
      await db.close();
    },
  };
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const ENTRY = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** The worker as its own process (tsx src/main.ts), on this run's database and Redis prefix. */
export function spawnWorker(smtpUrl: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", ENTRY], {
    cwd: ROOT,
    env: {
      ...process.env,
      SMTP_URL: smtpUrl,
      SMTP_POOL_SIZE: "5",
      NOTICE_RATE_PER_SECOND: "0",
      NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0",
      // A killed worker's jobs are taken over once its lock lapses: seconds here, not the default 30.
      JOB_LOCK_SECONDS: "2",
      LOG_LEVEL: "silent",
      BOUNCE_SMTP_PORT: "0",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
}
