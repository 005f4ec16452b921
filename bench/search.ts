// npm run bench:search -- [--days 4] [--rows 250000] [--orgs 5000] [--samples 100] [--keep]
// The console's search (GET /api/search's use case) on a database shaped like a CERT's after a few days of
// one campaign: a generated registry, `days` daily Shadowserver scan_exchange reports of `rows` distinct hosts
// each (the same hosts seen again each day, as daily scans do: days × rows exposures), uploaded through the
// real ingest into one campaign, the campaign sent after the first day (a notice per organization), owners'
// answers for some hosts and incident reports quoting addresses. Then `samples` searches of each kind, drawn
// from what is stored, and the latency of each kind: p50, p95, max (target p95 < 100 ms).
// Runs on its own database and Redis prefix, dropped afterwards (--keep keeps the database).
import { searchEverything } from "@baken/services";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { buildScanCampaign } from "./lib/scan-campaign.ts";
import { arg, Lcg } from "./support.ts";

const DAYS = arg("days", 4);
const ROWS = arg("rows", 250_000);
const ORGS = arg("orgs", 5000);
const SAMPLES = arg("samples", 100);
const KEEP = process.argv.includes("--keep");

const rng = new Lcg(16);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng.next() * xs.length)]!;
const t0 = performance.now();
const since = (t: number) => Number(((performance.now() - t) / 1000).toFixed(1));

// ---- the database
const built = await buildScanCampaign({ days: DAYS, rows: ROWS, orgs: ORGS });
const { config, ctx, registry } = built;

const client = new pg.Client({ connectionString: config.databaseUrl });
await client.connect();
// Owners answer for one host in fifty; a hundred victims report, quoting an address they saw.
await client.query(
  `INSERT INTO remediation_reply (notice_id, host_id, answer, compromise, comment, at)
   SELECT h.notice_id, h.id,
          (ARRAY['patched','mitigated','investigating','not_ours','false_positive','needs_help'])[1 + h.id % 6]::"ReplyAnswer",
          CASE WHEN h.id % 6 = 0 THEN (ARRAY['yes','no','not_checked'])[1 + h.id % 3]::"Compromise" END,
          'answered from the bench', now() - make_interval(hours => h.id % 500)
     FROM campaign_host h WHERE h.notice_id IS NOT NULL AND h.id % 50 = 0`,
);
await client.query(
  `INSERT INTO incident_report (reference, language, reporter_kind, reporter_name, reporter_email, rsit_class,
                                description, indicators, created_at, updated_at)
   SELECT 'CERT-2026-' || lpad((800000 + g)::text, 6, '0'), 'en', 'organization', 'Reporter ' || g,
          'reporter' || g || '@victim' || g || '.example', 'intrusions', 'our server was taken over',
          'connections from ' || abbrev(e.ip) || ' since Monday', now() - make_interval(hours => g), now()
     FROM generate_series(1, 100) g
     JOIN LATERAL (SELECT ip FROM exposure WHERE id = g * 997) e ON true`,
);
await client.query("ANALYZE");
const [{ exposures }] = (await client.query(`SELECT count(*)::int AS exposures FROM exposure`)).rows;
console.error(`database ready in ${since(t0)} s: ${exposures} exposures`);

// ---- what analysts type, drawn from what is stored
const sample = async (sql: string) => (await client.query(sql)).rows.map((r) => r.q as string);
const ips = await sample(
  `SELECT abbrev(ip) AS q FROM exposure WHERE ip IS NOT NULL ORDER BY random() LIMIT ${SAMPLES}`,
);
const queries: Record<string, string[]> = {
  ip: ips,
  cidr: ips.map((ip) => ip.replace(/\.\d+$/, ".0/24")),
  hostname: await sample(
    `SELECT hostname AS q FROM exposure WHERE hostname IS NOT NULL ORDER BY random() LIMIT ${SAMPLES}`,
  ),
  domain: Array.from({ length: SAMPLES }, () => pick(pick(registry.organizations).domains)),
  email: Array.from(
    { length: SAMPLES },
    () => pick(registry.organizations.filter((o) => o.contacts.length)).contacts[0]!.email,
  ),
  notice_reference: await sample(`SELECT reference AS q FROM notice ORDER BY random() LIMIT ${SAMPLES}`),
  report_reference: await sample(`SELECT reference AS q FROM incident_report ORDER BY random() LIMIT ${SAMPLES}`),
  organization_name: Array.from({ length: SAMPLES }, () => pick(registry.organizations).name.split(" ")[0]!),
};

// ---- the measure: each query once to warm the caches, then timed
const ms = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const results: Record<string, { n: number; p50: number; p95: number; max: number }> = {};
for (const [kind, qs] of Object.entries(queries)) {
  for (const q of qs.slice(0, 5)) await searchEverything(ctx, q);
  const times: number[] = [];
  for (const q of qs) {
    const t = performance.now();
    await searchEverything(ctx, q);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const r = (v: number) => Number(v.toFixed(1));
  results[kind] = { n: times.length, p50: r(ms(times, 50)), p95: r(ms(times, 95)), max: r(times[times.length - 1]!) };
}
console.log(
  JSON.stringify(
    {
      exposures,
      days: DAYS,
      rowsPerDay: ROWS,
      organizations: ORGS,
      loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      latencyMs: results,
    },
    null,
    2,
  ),
);

// ---- clean up
await client.end();
await built.close(KEEP);
