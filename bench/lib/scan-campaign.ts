// A database shaped like a CERT's after a few days of one campaign, built through the real code: a generated
// registry, `days` daily Shadowserver scan_exchange reports of about `rows` distinct hosts each, uploaded
// through the real ingest into one campaign, the campaign sent after the first day (a notice per
// organization). Shared by the benchmarks that need a million exposures (search, progress). It runs on a
// database and Redis prefix of its own; `drop` removes them.
import { loadConfig } from "@baken/config";
import { createDb, ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { QUEUES, createProducer, createRedis } from "@baken/queue";
import { importRegistry, ingestList, sendCampaign } from "@baken/services";
import {
  buildRegistry,
  registryNdjson,
  scanExchangeHeader,
  scanExchangeLines,
  seedCampaign,
  withWideIspSpace,
  type BuiltRegistry,
} from "@baken/testing";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";

export type ScanCampaignOptions = {
  days: number;
  rows: number;
  orgs: number;
  /**
   * Each day's report: its generator seed and row count. By default a seed per day over `rows` rows (tags and
   * reverse-DNS names vary from day to day); the same seed keeps the same hosts, and fewer rows drop the last.
   */
  day?: (day: number) => { seed: number; rows: number };
  /** after each day's report is stored (and, after the first, the campaign sent) */
  afterDay?: (day: number, built: ScanCampaign) => Promise<void>;
};

export type ScanCampaign = {
  config: ReturnType<typeof loadConfig>;
  ctx: {
    db: ReturnType<typeof createDb>;
    config: ReturnType<typeof loadConfig>;
    producer: ReturnType<typeof createProducer>;
  };
  registry: BuiltRegistry;
  campaignId: string;
  /** closes every connection; drops the database and the queues unless `keep` */
  close: (keep?: boolean) => Promise<void>;
};

const since = (t: number) => Number(((performance.now() - t) / 1000).toFixed(1));

export async function buildScanCampaign(o: ScanCampaignOptions): Promise<ScanCampaign> {
  const id = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const dbUrl = new URL(loadConfig().databaseUrl);
  dbUrl.pathname = `/baken_bench_${id}`;
  const config = loadConfig({ ...process.env, DATABASE_URL: dbUrl.toString(), REDIS_PREFIX: `baken-bench-${id}` });
  await ensureDatabase(config.databaseUrl);
  await migrate(config.databaseUrl, MIGRATIONS_DIR);
  const db = createDb(config.databaseUrl, { max: 4 });
  const redis = createRedis(config.redis.url, "producer");
  const producer = createProducer(redis, config.redis.prefix, config.notices.attempts);
  const ctx = { db, config, producer };
  const actor = { id: null };

  const close = async (keep = false) => {
    if (!keep) for (const name of Object.values(QUEUES)) await producer.queue(name).obliterate({ force: true });
    await producer.close();
    redis.disconnect();
    await db.close();
    if (keep) {
      console.error(`kept ${config.databaseUrl}`);
      return;
    }
    const admin = new URL(config.databaseUrl);
    admin.pathname = "/postgres";
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "baken_bench_${id}" WITH (FORCE)`);
    await c.end();
  };

  try {
    const registry = withWideIspSpace(buildRegistry({ orgs: o.orgs, seed: 2021 }));
    await importRegistry(ctx, actor, { text: registryNdjson(registry) });
    const campaignId = await seedCampaign(db, { name: "Exchange ProxyLogon, bench" });
    const built: ScanCampaign = { config, ctx, registry, campaignId, close };
    for (let day = 0; day < o.days; day++) {
      const { seed, rows } = o.day?.(day) ?? { seed: 2026 + day, rows: o.rows };
      // The day's report, streamed: header, then its rows in chunks of about a megabyte.
      async function* file() {
        yield Buffer.from(scanExchangeHeader(true) + "\n");
        let chunk = "";
        for (const line of scanExchangeLines(registry, { rows, seed })) {
          chunk += line + "\n";
          if (chunk.length > 1 << 20) {
            yield Buffer.from(chunk);
            chunk = "";
          }
        }
        yield Buffer.from(chunk);
      }
      const started = performance.now();
      await ingestList(ctx, actor, {
        file: file(),
        fileName: `2026-03-${String(9 + day).padStart(2, "0")}-scan_exchange-bench-geo.csv`,
        meta: { campaignId, tlp: "AMBER" },
      });
      console.error(`day ${day + 1}: ${rows} rows stored and matched in ${since(started)} s`);
      if (day === 0) {
        const sent = await sendCampaign(ctx, actor, { id: campaignId });
        console.error(`sent: ${sent.notices} notices for ${sent.hosts} hosts`);
      }
      await o.afterDay?.(day, built);
    }
    return built;
  } catch (e) {
    await close();
    throw e;
  }
}
