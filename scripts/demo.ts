import { loadConfig } from "@baken/config";
import { AppError } from "@baken/core";
import { createDb } from "@baken/db";
import { createStaffUser } from "@baken/services";
import { parseArgs } from "node:util";
import { BakenApi } from "./lib/baken-api.ts";
import { buildConsole } from "./lib/build-console.ts";
import { proxyLogonCampaign } from "./lib/demo-campaign.ts";
import { buildDemoData, type DemoData } from "./lib/demo-data.ts";
import { ensureDemoBounce } from "./lib/demo-bounce.ts";
import {
  demoBounceOrganization,
  ensurePastCampaign,
  missingRegistryNdjson,
  PAST_CAMPAIGN_NAME,
} from "./lib/demo-past-campaign.ts";
import { ensureDemoRipeImport } from "./lib/demo-ripe.ts";
import { startStack, stopOnSignals } from "./lib/stack.ts";

// `npm run demo`: Baken as a new user first meets it. Builds the console when needed, starts a mail catcher
// (unless SMTP_URL points elsewhere), migrates, starts api + worker, then seeds through the API as staff
// would: the registry, a small RIPE dump (the network operators' abuse contacts), the ProxyLogon campaign, the
// leaked 1,170-row list; then a finished past campaign with
// three weeks of follow-up, one of whose notices bounces through the worker's bounce listener and is
// redirected to its fallback contact. Ctrl-C stops everything.
//
//   npm run demo                 keep what an earlier run stored (only what is missing is added)
//   npm run demo -- --reset      start from an empty database

const { values: args } = parseArgs({
  options: {
    reset: { type: "boolean", default: false },
    orgs: { type: "string", default: "5000" },
    rows: { type: "string", default: "1170" },
  },
});

// The entry point decides what the user set; everything below receives explicit settings.
const userEnv = process.env;
const DEMO_PASSWORD = "proxylogon-demo-2021";
const useCatcher = !userEnv.SMTP_URL;
// The catcher's ports (MAIL_CATCHER_SMTP_PORT / MAIL_CATCHER_HTTP_PORT), read and checked by packages/config.
const { catcherSmtpPort, catcherHttpPort } = loadConfig(userEnv).demo;
const catcherPorts = { smtpPort: catcherSmtpPort, httpPort: catcherHttpPort };

const env: Record<string, string> = {
  // The request log would bury the URLs and credentials printed at the end; LOG_LEVEL=info brings it back.
  LOG_LEVEL: userEnv.LOG_LEVEL || "warn",
  BAKEN_ADMIN_EMAIL: userEnv.BAKEN_ADMIN_EMAIL || "admin@baken.example",
  BAKEN_ADMIN_PASSWORD: userEnv.BAKEN_ADMIN_PASSWORD || DEMO_PASSWORD,
  ...(useCatcher
    ? {
        SMTP_URL: `smtp://127.0.0.1:${catcherPorts.smtpPort}`,
        MAIL_CATCHER_URL: `http://127.0.0.1:${catcherPorts.httpPort}`,
      }
    : {}),
};
const config = loadConfig({ ...userEnv, ...env });
const step = (text: string) => console.log(`\n▸ ${text}`);
const done = (text: string) => console.log(`  ✓ ${text}`);
const failed = (text: string, err: unknown) =>
  console.error(`  ✗ ${text}: ${err instanceof Error ? err.message : String(err)}`);

step("Console");
done(
  (await buildConsole({ onlyIfMissing: true })) === "built" ? "built apps/web/dist" : "already built (apps/web/dist)",
);

step("Demo data (test-data builder)");
const data = buildDemoData({ orgs: Number(args.orgs), rows: Number(args.rows) });
done(
  `${data.registry.organizations.length.toLocaleString("en")} organizations, a ${data.expected.length.toLocaleString("en")}-row list`,
);

step(`Migrating the database; starting ${useCatcher ? "the mail catcher, " : ""}the api and the worker`);
let stack;
try {
  stack = await startStack({
    env,
    reset: args.reset,
    catcher: useCatcher ? catcherPorts : undefined,
  });
} catch (err) {
  if ((err as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(
      `\nA port the demo needs is in use (${(err as Error).message}). If mailpit runs on ${catcherPorts.smtpPort}/${catcherPorts.httpPort} ` +
        `(docker compose), run the demo with SMTP_URL=smtp://127.0.0.1:${catcherPorts.smtpPort} and read mail in mailpit; ` +
        `if an API already listens on ${config.http.port}, stop it or set PORT.`,
    );
  } else console.error(`\nThe demo could not start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
stopOnSignals(stack.stop);
const base = `http://${config.http.host}:${config.http.port}`;
done(`api on ${base}`);

step("Demo staff accounts");
const db = createDb(config.databaseUrl, { max: 2 });
const accounts = [
  { email: env.BAKEN_ADMIN_EMAIL!, role: "admin" as const, password: env.BAKEN_ADMIN_PASSWORD! },
  { email: "analyst@baken.example", role: "analyst" as const, password: DEMO_PASSWORD },
  { email: "viewer@baken.example", role: "viewer" as const, password: DEMO_PASSWORD },
];
for (const a of accounts.slice(1)) {
  try {
    await createStaffUser(
      { db },
      { id: null },
      { email: a.email, password: a.password, role: a.role, name: `Demo ${a.role}` },
    );
    done(`${a.role} ${a.email}`);
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") done(`${a.role} ${a.email} (from an earlier run)`);
    else failed(`${a.role} ${a.email}`, err);
  }
}
await db.close();

step("RIPE database (a small generated dump: the abuse contacts of the hosts nobody registered)");
await loadRipeDump();

step("Seeding through the API");
let api: BakenApi | null = null;
try {
  api = await BakenApi.signIn(base, accounts[0]!.email, accounts[0]!.password);
  done(`signed in as ${accounts[0]!.email}`);
} catch (err) {
  failed("signing in as the admin (an earlier run made it with another password? then run with --reset)", err);
}
if (api) {
  await importMissingRegistry(api, data);
  let campaignId: string | undefined;
  try {
    const c = await api.ensureCampaign(proxyLogonCampaign(config.cert.website));
    campaignId = c.id;
    done(`campaign “${proxyLogonCampaign(config.cert.website).name}” ${c.created ? "created" : "already there"}`);
  } catch (err) {
    failed("creating the campaign", err);
  }
  try {
    const l = await api.uploadList(data.listCsv, "exchange-proxylogon-2021-03-09.csv", {
      campaignId,
      source: "Leaked list of unpatched Exchange servers",
      tlp: "AMBER",
    });
    done(
      l.existed
        ? "list already uploaded"
        : `list uploaded: ${l.accepted} accepted, ${l.rejected} rejected, ${l.duplicates} duplicates`,
    );
    const detail = await api.call<{ summary?: { organizations: unknown[]; coverage: ListCoverage } }>(
      "GET",
      `/api/lists/${l.id}`,
    );
    if (detail.summary) {
      const { organizations, coverage } = detail.summary;
      done(
        `coverage: ${coverage.registered} hosts reach a registered organization, ${coverage.abuseContact} an abuse contact, ` +
          `${coverage.nobody} nobody (${organizations.length} recipients)`,
      );
    }
  } catch (err) {
    failed("uploading the list", err);
  }
}

step("A finished past campaign (three weeks of follow-up, dated in the past)");
await seedPastCampaign(data);

step("A notice that bounced (its mailbox is gone; the report comes back to the worker's bounce listener)");
await bouncePastNotice(data);

type ListCoverage = { registered: number; abuseContact: number; nobody: number };

/** Before the list's upload, which resolves each unregistered host's abuse contact from the active import. */
async function loadRipeDump() {
  const db = createDb(config.databaseUrl, { max: 2 });
  try {
    const r = await ensureDemoRipeImport({ db, config });
    done(
      r.imported
        ? `RIPE import ${r.id} active: ${r.prefixes} prefixes, ${r.asns} ASNs`
        : "a RIPE import is already active (kept)",
    );
  } catch (err) {
    failed("importing the RIPE dump", err);
  } finally {
    await db.close();
  }
}

/** The demo registry's organizations not stored yet: a second run never imports over staff's edits. */
async function importMissingRegistry(api: BakenApi, data: DemoData) {
  const db = createDb(config.databaseUrl, { max: 2 });
  try {
    const missing = await missingRegistryNdjson(db, data.registryNdjson);
    if (missing.count === 0) return done("registry already imported (kept as staff left it)");
    const r = await api.importRegistry(missing.ndjson);
    done(`registry imported: ${r.created} created, ${r.updated} updated, ${r.rejected} rejected`);
  } catch (err) {
    failed("importing the registry", err);
  } finally {
    await db.close();
  }
}

async function seedPastCampaign(data: DemoData) {
  const db = createDb(config.databaseUrl, { max: 2 });
  try {
    const past = await ensurePastCampaign(db, data.registry);
    done(
      past.created
        ? `“${PAST_CAMPAIGN_NAME}”: ${past.hosts} hosts, answers and scans over four weeks`
        : `“${PAST_CAMPAIGN_NAME}” already there`,
    );
  } catch (err) {
    failed("adding the past campaign", err);
  } finally {
    await db.close();
  }
}

/** One notice of the past campaign bounces through the real intake and is redirected once (demo-bounce.ts). */
async function bouncePastNotice(data: DemoData) {
  const organization = demoBounceOrganization(data.registry);
  if (!api || !organization) return failed("bouncing a notice", new Error("no admin session or no such organization"));
  const db = createDb(config.databaseUrl, { max: 2 });
  try {
    const b = await ensureDemoBounce(db, config, api, organization);
    if (b.state === "missing") done(`not done: “${organization.name}” has no notice in the past campaign`);
    else if (b.state === "listener off") done("not done: the bounce listener is off (BOUNCE_SMTP_PORT=0)");
    else
      done(
        `${b.reference} to ${b.deadAddress} ${b.state === "kept" ? "bounced in an earlier run" : "bounced (5.1.1, user unknown)"}; ` +
          `redirected once to ${b.redirectedTo} (${organization.name}: Contacts to fix, and the past campaign's delivery)`,
      );
  } catch (err) {
    failed("bouncing a notice", err);
  } finally {
    await db.close();
  }
}

const line = "─".repeat(72);
console.log(`
${line}
 Baken is running. The demo sends no campaign by itself: open the campaign, preview, then send.
 (The one mail it caused is the past campaign's bounced notice, redirected to its fallback contact.)

   Staff console   ${config.publicBaseUrl}/console/
   API docs        ${config.publicBaseUrl}/docs
   Report form     ${config.publicBaseUrl}/report
   Caught mail     ${useCatcher ? `http://127.0.0.1:${catcherPorts.httpPort}   (SMTP on 127.0.0.1:${catcherPorts.smtpPort}; no mail leaves this machine)` : `not caught: mail goes to ${config.smtp.url}`}

   Sign in as      ${accounts.map((a) => `${a.role.padEnd(8)}${a.email}`).join("\n                   ")}
   Password        ${env.BAKEN_ADMIN_PASSWORD === DEMO_PASSWORD ? DEMO_PASSWORD : "(admin: your BAKEN_ADMIN_PASSWORD)"}${env.BAKEN_ADMIN_PASSWORD === DEMO_PASSWORD ? "" : `; analyst and viewer: ${DEMO_PASSWORD}`}

 Ctrl-C stops everything.
${line}`);
