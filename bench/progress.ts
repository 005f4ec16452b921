// npm run bench:progress -- --orgs N [--runs R]
// The progress queries of a large finished campaign, as staff open its page: per day, totals and medians,
// the first page of organizations, the sectors. The campaign is the demo's past-campaign generator at scale
// (planPastCampaign: about 1.3 hosts per organization, three weekly follow-ups, answers over four weeks).
// Runs on its own database, dropped afterwards.
import { loadConfig } from "@baken/config";
import { createDb, ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { getCampaignProgress, listOrganizationProgress, listSectorProgress } from "@baken/services";
import { planPastCampaign, seedPastCampaign, type PastOrganization } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: { orgs: { type: "string", default: "100000" }, runs: { type: "string", default: "20" } },
});
const orgCount = Number(values.orgs);
const runs = Number(values.runs);
const id = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
const url = new URL(loadConfig().databaseUrl);
url.pathname = `/baken_bench_${id}`;
const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: "silent" });
await ensureDatabase(config.databaseUrl);
await migrate(config.databaseUrl, MIGRATIONS_DIR);
const db = createDb(config.databaseUrl, { max: 4 });
const SECTORS = ["health", "energy", "finance", "education", "local government", "ict", "transport", null];
const LANGS = ["nl", "fr", "de", "en"] as const;

try {
  let t = performance.now();
  const orgs: PastOrganization[] = Array.from({ length: orgCount }, (_, i) => ({
    id: randomUUID(),
    language: LANGS[i % 4]!,
  }));
  // The registry, in bulk: what an import of that many organizations leaves.
  for (let i = 0; i < orgs.length; i += 20_000) {
    const chunk = orgs.slice(i, i + 20_000).map((o, k) => ({
      id: o.id,
      name: `Bench organisation ${i + k}`,
      language: o.language,
      sector: SECTORS[(i + k) % SECTORS.length],
    }));
    await db.prisma.organization.createMany({ data: chunk });
  }
  const plan = planPastCampaign({ name: "Bench past campaign", organizations: orgs, seed: 1 });
  const campaignId = await seedPastCampaign(db, plan, orgs);
  const answers = plan.hosts.reduce((n, h) => n + h.replies.length, 0);
  console.log(
    `seeded ${orgCount.toLocaleString("en")} organizations, ${plan.hosts.length.toLocaleString("en")} campaign hosts, ` +
      `${answers.toLocaleString("en")} answers in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  await db.pool.query("ANALYZE");

  const ctx = { db };
  const measure = async (what: string, work: () => Promise<unknown>) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await work();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(0);
    console.log(`${what.padEnd(42)} median ${at(0.5).padStart(6)} ms   p95 ${at(0.95).padStart(6)} ms`);
  };
  await measure("progress (days, totals, medians)", () => getCampaignProgress(ctx, { campaignId }));
  await measure("organizations, first page of 50", () =>
    listOrganizationProgress(ctx, { campaignId, page: 1, pageSize: 50 }),
  );
  await measure("organizations of one sector, page 1", () =>
    listOrganizationProgress(ctx, { campaignId, page: 1, pageSize: 50, sector: "health" }),
  );
  await measure("sectors", () => listSectorProgress(ctx, { campaignId }));
} finally {
  await db.close();
  const admin = new URL(config.databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "baken_bench_${id}" WITH (FORCE)`);
  await client.end();
}
