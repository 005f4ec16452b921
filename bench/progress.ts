// npm run bench:progress -- [--days 4] [--rows 266000] [--orgs 5000] [--runs 20] [--keep] [--reuse DATABASE_URL]
// The progress queries of a campaign of a million exposures, as staff open its page: per day, totals and
// medians; the first page of organizations, of all and of one sector; the sectors. The campaign is the search
// benchmark's (bench/lib/scan-campaign.ts: a generated registry, daily scan_exchange reports through the real
// ingest, the campaign sent after the first day), its daily scans seeing the same hosts with 4% more of them
// gone each day (days × rows × ~0.94 exposures). Owners answer through the real service after the first day
// (about 60% of the notified hosts: patched, mitigated, investigating, needs help, not ours, false positive)
// and after the second (most of the investigating now patched, some late first answers), so hosts are
// answered, claimed fixed and still seen, gone, flagged. Prints each query's median and p95 over `runs` runs,
// and the load average (target p95 < 300 ms).
// Runs on its own database and Redis prefix, dropped afterwards (--keep keeps it; --reuse measures one kept
// before, migrated first).
import { loadConfig } from "@baken/config";
import { createDb, migrate, MIGRATIONS_DIR } from "@baken/db";
import { getCampaignProgress, listOrganizationProgress, listSectorProgress, recordOwnerReplies } from "@baken/services";
import type { Language, OwnerReply } from "@baken/core";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { buildScanCampaign, type ScanCampaign } from "./lib/scan-campaign.ts";
import { arg, Lcg } from "./support.ts";

const DAYS = arg("days", 4);
const ROWS = arg("rows", 266_000);
const ORGS = arg("orgs", 5000);
const RUNS = arg("runs", 20);
const KEEP = process.argv.includes("--keep");
const reuseAt = process.argv.indexOf("--reuse");
const REUSE = reuseAt >= 0 ? process.argv[reuseAt + 1] : undefined;

const rng = new Lcg(2021);
type Answer = OwnerReply["answer"];

/** Owners answer, each host of each notice as `choose` says (null: no answer this time). */
async function answer(built: ScanCampaign, choose: (current: Answer | null) => Answer | null) {
  const { ctx, campaignId } = built;
  const { rows: notices } = await ctx.db.pool.query<{
    id: string;
    reference: string;
    language: Language;
    organization_id: string;
    hosts: { id: number; answer: Answer | null }[];
  }>(
    `SELECT n.id, n.reference, n.language, n.organization_id,
            json_agg(json_build_object('id', h.id, 'answer', h.answer) ORDER BY h.id) AS hosts
       FROM notice n JOIN campaign_host h ON h.notice_id = n.id
      WHERE n.campaign_id = $1 AND n.kind = 'initial' AND h.state <> 'gone'
      GROUP BY n.id ORDER BY n.reference`,
    [campaignId],
  );
  let answered = 0;
  for (const n of notices) {
    const replies: OwnerReply[] = [];
    for (const h of n.hosts) {
      const a = choose(h.answer);
      if (!a) continue;
      const fixed = a === "patched" || a === "mitigated";
      const compromise = fixed ? (rng.next() < 0.08 ? "yes" : rng.next() < 0.7 ? "no" : "not_checked") : null;
      replies.push({ hostId: h.id, answer: a, compromise, comment: null });
    }
    if (replies.length === 0) continue;
    const link = {
      noticeId: n.id,
      reference: n.reference,
      language: n.language,
      campaignId,
      organizationId: n.organization_id,
      expiresAt: new Date(Date.now() + 86_400_000),
    };
    await recordOwnerReplies(
      ctx,
      { id: null, ip: "192.0.2.1" },
      {
        link,
        form: { scope: "hosts", replies, betterContact: null },
      },
    );
    answered += replies.length;
  }
  console.error(`answers: ${answered} hosts`);
}

const firstAnswer = (): Answer | null => {
  if (rng.next() >= 0.6) return null;
  const k = rng.next();
  return k < 0.62
    ? "patched"
    : k < 0.74
      ? "mitigated"
      : k < 0.86
        ? "investigating"
        : k < 0.92
          ? "needs_help"
          : k < 0.97
            ? "not_ours"
            : "false_positive";
};

let built: ScanCampaign | undefined;
let ctx: { db: ReturnType<typeof createDb> };
let campaignId: string;
let closeReused: (() => Promise<void>) | undefined;
const t0 = performance.now();
if (REUSE) {
  await migrate(REUSE, MIGRATIONS_DIR);
  const db = createDb(loadConfig({ ...process.env, DATABASE_URL: REUSE }).databaseUrl, { max: 4 });
  ctx = { db };
  campaignId = (await db.pool.query(`SELECT id FROM campaign ORDER BY created_at LIMIT 1`)).rows[0].id;
  closeReused = () => db.close();
} else {
  built = await buildScanCampaign({
    days: DAYS,
    rows: ROWS,
    orgs: ORGS,
    // The same hosts every day, the last 4% of them more gone each day (fixed or switched off).
    day: (day) => ({ seed: 2026, rows: Math.round(ROWS * (1 - 0.04 * day)) }),
    afterDay: async (day, b) => {
      if (day === 0) await answer(b, () => firstAnswer());
      // A week later: most of those investigating have patched; some who had not answered do now.
      if (day === 1)
        await answer(b, (a) =>
          a === "investigating"
            ? rng.next() < 0.6
              ? "patched"
              : null
            : a === null
              ? rng.next() < 0.25
                ? firstAnswer()
                : null
              : null,
        );
    },
  });
  ctx = built.ctx;
  campaignId = built.campaignId;
}

try {
  await ctx.db.pool.query("ANALYZE");
  const {
    rows: [shape],
  } = await ctx.db.pool.query(
    `SELECT (SELECT count(*) FROM exposure)::int AS exposures,
            (SELECT count(*) FROM campaign_host WHERE campaign_id = $1)::int AS hosts,
            (SELECT count(*) FROM campaign_host WHERE campaign_id = $1 AND notified_at IS NOT NULL)::int AS notified,
            (SELECT count(DISTINCT organization_id) FROM campaign_host WHERE campaign_id = $1)::int AS organizations,
            (SELECT count(*) FROM remediation_reply)::int AS answers`,
    [campaignId],
  );
  console.error(`database ready in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, shape);

  const results: Record<string, { p50: number; p95: number; max: number }> = {};
  const measure = async (what: string, work: () => Promise<unknown>) => {
    await work();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await work();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1));
    results[what] = { p50: at(0.5), p95: at(0.95), max: Number(times.at(-1)!.toFixed(1)) };
  };
  await measure("progress (days, totals, medians)", () => getCampaignProgress(ctx, { campaignId }));
  await measure("organizations, first page of 50", () =>
    listOrganizationProgress(ctx, { campaignId, page: 1, pageSize: 50 }),
  );
  await measure("organizations, page 5", () => listOrganizationProgress(ctx, { campaignId, page: 5, pageSize: 50 }));
  await measure("organizations of one sector, page 1", () =>
    listOrganizationProgress(ctx, { campaignId, page: 1, pageSize: 50, sector: "health" }),
  );
  await measure("sectors", () => listSectorProgress(ctx, { campaignId }));
  console.log(
    JSON.stringify(
      { ...shape, runs: RUNS, loadAverage: loadavg().map((l) => Number(l.toFixed(1))), latencyMs: results },
      null,
      2,
    ),
  );
} finally {
  if (built) await built.close(KEEP);
  await closeReused?.();
}
