// npm run bench:notify -- --orgs N [--no-xarf]
// From "send" to every notice accepted by a local SMTP server, with the rate limits off: the campaign's
// notices are created and queued by sendCampaign, then delivered by the real BullMQ workers (in this
// process, as one worker process would) through the pooled nodemailer transport to a counting SMTP sink
// (its own process).
// Runs on its own database and Redis prefix, dropped afterwards.
import { loadConfig } from "@baken/config";
import { ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { sendCampaign } from "@baken/services";
import { seedCampaign, seedScenario, type SeedOrg } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { pino } from "pino";
import { fileURLToPath } from "node:url";
import { createWorkerContext } from "../apps/worker/src/context.ts";
import { startWorkers } from "../apps/worker/src/workers.ts";

const { values } = parseArgs({
  options: {
    orgs: { type: "string", default: "1170" },
    "pool-size": { type: "string", default: "10" },
    // An unclassified campaign: notices without their X-ARF reports, to see what those cost.
    "no-xarf": { type: "boolean", default: false },
  },
});
const orgCount = Number(values.orgs);
const id = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
const base = new URL(loadConfig().databaseUrl);
base.pathname = `/baken_bench_${id}`;
const env = {
  ...process.env,
  DATABASE_URL: base.toString(),
  REDIS_PREFIX: `baken-bench-${id}`,
  NOTICE_RATE_PER_SECOND: "0",
  NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0",
  SMTP_POOL_SIZE: values["pool-size"],
  LOG_LEVEL: "silent",
};

const sink = fork(fileURLToPath(new URL("./lib/count-sink.ts", import.meta.url)), [String(orgCount)], {
  execArgv: ["--import", "tsx"],
});
const sinkPort = await new Promise<number>((resolve) => sink.once("message", (m: { port: number }) => resolve(m.port)));
const allAccepted = new Promise<number>((resolve) =>
  sink.on("message", (m: { done?: number }) => m.done && resolve(m.done)),
);
const config = loadConfig({ ...env, SMTP_URL: `smtp://127.0.0.1:${sinkPort}` });

await ensureDatabase(config.databaseUrl);
await migrate(config.databaseUrl, MIGRATIONS_DIR);
const context = createWorkerContext(config);
const { ctx } = context;

const orgs: SeedOrg[] = Array.from({ length: orgCount }, (_, i) => ({
  id: randomUUID(),
  name: `Bench organisation ${i}`,
  language: (["nl", "fr", "de", "en"] as const)[i % 4]!,
  active: true,
  contacts: [
    { email: `abuse@org${i}.bench.example`, role: "abuse", language: null, active: true },
    { email: `it@org${i}.bench.example`, role: "technical", language: null, active: true },
  ],
  hosts: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
    ip: `10.${(i >> 8) & 255}.${i & 255}.${k + 1}`,
    port: 443,
    protocol: "https",
    hostname: `mail${k}.org${i}.bench.example`,
    tag: "exchange",
    version: "15.1.2176",
    seenAt: new Date(),
  })),
  expected: null,
}));
const campaignId = await seedCampaign(context.ctx.db, { name: "Bench", rsit: values["no-xarf"] ? null : undefined });
await seedScenario(ctx.db, campaignId, { orgs, unmatched: [] });
const running = await startWorkers(ctx, context.redis, pino({ level: "silent" }));

const cpuBefore = process.cpuUsage();
const started = Date.now();
const result = await sendCampaign(ctx, { id: null }, { id: campaignId });
const queuedAt = Date.now();
const acceptedAt = await allAccepted;
for (;;) {
  if ((await ctx.db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === result.notices) break;
  await new Promise((r) => setTimeout(r, 20));
}
const recordedAt = Date.now();
const cpu = process.cpuUsage(cpuBefore);

const s = (ms: number) => (ms / 1000).toFixed(2);
console.log(
  JSON.stringify(
    {
      orgs: orgCount,
      notices: result.notices,
      hosts: result.hosts,
      smtpPool: config.smtp.poolSize,
      createAndQueueSeconds: Number(s(queuedAt - started)),
      sendToAllAcceptedSeconds: Number(s(acceptedAt - started)),
      sendToAllRecordedSeconds: Number(s(recordedAt - started)),
      // What the worker process itself spent, whatever else the machine was doing: the figure to compare runs by.
      workerCpuMsPerMail: Number(((cpu.user + cpu.system) / 1000 / result.notices).toFixed(2)),
      mailsPerSecond: Math.round(result.notices / ((acceptedAt - started) / 1000)),
    },
    null,
    2,
  ),
);

await running.close();
await context.close();
sink.disconnect();
const admin = new URL(config.databaseUrl);
admin.pathname = "/postgres";
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS "baken_bench_${id}" WITH (FORCE)`);
await client.end();
process.exit(0);
