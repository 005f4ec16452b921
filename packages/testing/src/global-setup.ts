import { loadConfig } from "@baken/config";
import { ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import pg from "pg";

// One database and one Redis prefix per run, so runs never see each other's data, and a failed run
// leaves nothing that disturbs the next. Test files read them from the environment like the apps do. The
// database migrated here is a template: each vitest worker works in a copy of its own (file-setup.ts).
const base = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export default async function setup() {
  const id = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const url = new URL(base);
  url.pathname = `/baken_test_${id}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl, MIGRATIONS_DIR);
  const prefix = `baken-test-${id}`;
  process.env.BAKEN_TEST_TEMPLATE_URL = databaseUrl;
  process.env.REDIS_PREFIX = prefix;
  process.env.BAKEN_TEST_RUN_PREFIX = prefix;
  process.env.NODE_ENV = "test";
  process.env.LOG_LEVEL ??= "silent";
  // Every test signs in from 127.0.0.1 (app.inject): the per-address login limit would stop the suite after a
  // few files. The limits themselves are tested on apps built with a small limit and their own addresses.
  process.env.LOGIN_RATE_LIMIT_PER_MINUTE ??= "10000";
  // Test files share the database: a worker sweeping for unconfirmed reports would mail those of other
  // files. The sweep's own test turns it on.
  process.env.REPORT_CONFIRMATION_SWEEP_MINUTES ??= "0";
  // Likewise the notices' repair sweep: each file has its own queues, so another file's notices look stranded.
  process.env.NOTICE_REPAIR_SWEEP_SECONDS ??= "0";

  return async () => {
    const admin = new URL(base);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    // The template and the workers' copies (`baken_test_<id>_w<n>`).
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [`baken_test_${id}`],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await client.end();
    await deleteRedisKeys(loadConfig().redis.url, prefix);
  };
}

/** Queues, rate-limit counters and login failures of the run: `<prefix>:…` (BullMQ, Baken) and `<prefix>-…`. */
async function deleteRedisKeys(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    for (const pattern of [`${prefix}:*`, `${prefix}-*`]) {
      let cursor = "0";
      do {
        const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
        if (keys.length > 0) await redis.unlink(...keys);
        cursor = next;
      } while (cursor !== "0");
    }
  } finally {
    redis.disconnect();
  }
}
