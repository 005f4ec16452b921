import { openSecret, reportType } from "@baken/core";
import { CUT_SHORT } from "@baken/db";
import { QUEUES } from "@baken/queue";
import { pullFeed } from "@baken/services";
import { shadowserverCsv, shadowserverSample, ShadowserverStub, waitFor } from "@baken/testing";
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { createOrg, partySide } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { multipart } from "./upload.ts";

// Scheduled feed pulls end to end: a feed set up through the API, pulled by the real worker (BullMQ, its
// retries and backoff) from a local server that speaks Shadowserver's Reports API and checks each request's
// signature (ShadowserverStub), each report ingested through the upload's path.

const API_KEY = "baken-test-key-2041";
const SECRET = "baken-test-secret";
// Quick retries: the first after 1 s, then 2 s (the backoff's own doubling is BullMQ's).
const ENV = { FEED_PULL_ATTEMPTS: "3", FEED_PULL_BACKOFF_SECONDS: "1" };

const today = () => new Date().toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

type Pull = {
  id: number;
  trigger: string;
  attempt: number;
  status: string;
  error: string | null;
  listed: number;
  ingested: number;
  skipped: number;
  failed: number;
  reports: { id: string; type: string; file: string; outcome: string; reason?: string; listId?: string }[];
};
type Feed = { id: string; name: string; lastPull: Pull | null; pulls: Pull[]; nextPullAt: string | null };

describe("Shadowserver feed pulls", () => {
  const stub = new ShadowserverStub(API_KEY, SECRET);
  let app: App;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    await stub.start();
    app = await buildTestApp(ENV);
    worker = await startTestWorker("smtp://127.0.0.1:9", ENV);
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await stub.stop();
  });
  // Each test publishes its own reports.
  beforeEach(() => stub.clear());

  /** A campaign, and a report of `type` whose hosts an organization of its own owns. */
  async function sample(type: string) {
    const s = partySide();
    await createOrg(app, admin, { cidrs: [`${s.network.replace(/\/25$/, "/24")}`] });
    return shadowserverSample(reportType(type)!, s).csv;
  }

  async function newCampaign() {
    const res = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Feed campaign ${randomUUID()}` },
    });
    return res.json().id as string;
  }

  async function newFeed(body: Record<string, unknown> = {}) {
    const res = await app.inject({
      method: "POST",
      url: "/api/feeds",
      headers: bearer(admin),
      payload: {
        kind: "shadowserver",
        name: `Shadowserver ${randomUUID()}`,
        apiKey: API_KEY,
        secret: SECRET,
        apiUrl: stub.apiUrl,
        downloadUrl: stub.downloadUrl,
        ...body,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Feed;
  }

  const feed = async (id: string) =>
    (await app.inject({ url: `/api/feeds/${id}`, headers: bearer(analyst) })).json() as Feed;

  async function pullNow(id: string) {
    const res = await app.inject({ method: "POST", url: `/api/feeds/${id}/pull`, headers: bearer(analyst) });
    expect(res.statusCode).toBe(202);
    return res.json() as { queued: boolean };
  }

  /** Waits for the source's run number `runs` to end (runs are counted, not waited for by time). */
  const ended = (id: string, runs: number) =>
    waitFor(
      async () => {
        const f = await feed(id);
        return f.pulls.length >= runs && f.pulls[0]!.status !== "running" ? f : null;
      },
      { what: `run ${runs} of feed ${id}`, timeout: 30_000 },
    );

  const listOf = async (listId: string) =>
    (await app.inject({ url: `/api/lists/${listId}`, headers: bearer(analyst) })).json();

  it("keeps the API key and secret sealed, never answers them, and schedules a daily pull", async () => {
    const created = await newFeed({ schedule: "0 6 * * *" });
    expect(created).toMatchObject({ hasCredentials: true, apiKeyHint: "…2041", schedule: "0 6 * * *" });
    const body = JSON.stringify(created);
    expect(body).not.toContain(API_KEY);
    expect(body).not.toContain(SECRET);
    const [row] = (await app.ctx.db.pool.query(`SELECT credentials FROM feed_source WHERE id = $1`, [created.id])).rows;
    expect(row.credentials).not.toContain(SECRET);
    expect(
      JSON.parse(openSecret(app.ctx.config.feeds.secretKey, row.credentials, `feed_source:${created.id}`)),
    ).toEqual({
      apiKey: API_KEY,
      secret: SECRET,
    });
    // The job scheduler, with its stable id, runs at 06:00 in CERT_TIME_ZONE.
    const scheduler = await app.ctx.producer.queue(QUEUES.feeds).getJobScheduler(`pull-feed-${created.id}`);
    expect(scheduler).toMatchObject({ pattern: "0 6 * * *", tz: app.ctx.config.cert.timeZone });
    expect(new Date(created.nextPullAt!).getTime()).toBeGreaterThan(Date.now());

    // A change without credentials keeps them; no schedule removes the scheduler.
    const changed = await app.inject({
      method: "PATCH",
      url: `/api/feeds/${created.id}`,
      headers: bearer(admin),
      payload: { schedule: null, apiKey: "" },
    });
    expect(changed.json()).toMatchObject({
      hasCredentials: true,
      apiKeyHint: "…2041",
      schedule: null,
      nextPullAt: null,
    });
    expect(await app.ctx.producer.queue(QUEUES.feeds).getJobScheduler(`pull-feed-${created.id}`)).toBeUndefined();
    const audit = await app.inject({ url: `/api/audit?subjectId=${created.id}`, headers: bearer(admin) });
    expect(audit.json().events.map((e: { action: string }) => e.action)).toEqual(["feed.update", "feed.create"]);
    expect(audit.body).not.toContain(SECRET);
  });

  it("refuses what it cannot run, naming the field; only admins set feeds up", async () => {
    const post = (payload: Record<string, unknown>, who = admin) =>
      app.inject({ method: "POST", url: "/api/feeds", headers: bearer(who), payload });
    const base = { kind: "shadowserver", name: `x ${randomUUID()}`, apiKey: "k", secret: "s" };
    const fields = async (payload: Record<string, unknown>) => {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      return res.json().details.map((d: { field: string }) => d.field);
    };
    expect(await fields({ ...base, schedule: "* * * * *" })).toEqual(["body.schedule"]);
    expect(await fields({ ...base, schedule: "0 6 * *" })).toEqual(["body.schedule"]);
    expect(await fields({ ...base, secret: undefined })).toEqual(["body.secret"]);
    expect(await fields({ ...base, rules: [{ reportType: "scan_exchange", campaignId: randomUUID() }] })).toEqual([
      "rules.0.campaignId",
    ]);
    expect((await post(base, analyst)).statusCode).toBe(403);
  });

  it("ingests each new report once, by its rule or unassigned; a repeat pull ingests nothing", async () => {
    const campaignId = await newCampaign();
    const source = await newFeed({ rules: [{ reportType: "scan_exchange", campaignId }], tlp: "GREEN" });
    const exchange = stub.publish({
      id: `a${randomInt(1e9)}`,
      type: "scan_exchange",
      date: today(),
      csv: await sample("scan_exchange"),
    });
    const sinkhole = stub.publish({
      id: `b${randomInt(1e9)}`,
      type: "event4_sinkhole",
      date: yesterday(),
      csv: await sample("event4_sinkhole"),
    });

    expect(await pullNow(source.id)).toEqual({ queued: true });
    const first = (await ended(source.id, 1)).lastPull!;
    expect(first).toMatchObject({
      trigger: "manual",
      attempt: 1,
      status: "succeeded",
      error: null,
      ingested: 2,
      skipped: 0,
    });
    const byId = new Map(first.reports.map((r) => [r.id, r]));
    expect(byId.get(exchange.id)).toMatchObject({ outcome: "ingested", type: "scan_exchange", file: exchange.file });
    expect(byId.get(sinkhole.id)).toMatchObject({ outcome: "ingested", type: "event4_sinkhole", file: sinkhole.file });

    // The rule's report joined its campaign (and classified it); the other type waits unassigned.
    const exchangeList = await listOf(byId.get(exchange.id)!.listId!);
    expect(exchangeList).toMatchObject({
      fileName: exchange.file,
      reportType: "scan_exchange",
      campaignId,
      tlp: "GREEN",
      source: `feed ${source.name} (report ${exchange.id})`,
      uploadedBy: null,
    });
    expect(exchangeList.summary.matched).toBe(2);
    const campaign = (await app.inject({ url: `/api/campaigns/${campaignId}`, headers: bearer(analyst) })).json();
    expect(campaign).toMatchObject({ rsitClass: "vulnerable", hosts: { open: 2 } });
    expect(await listOf(byId.get(sinkhole.id)!.listId!)).toMatchObject({
      reportType: "event4_sinkhole",
      campaignId: null,
    });

    // Again: both are known by their ids, so neither is downloaded again.
    const downloads = stub.downloads().length;
    await pullNow(source.id);
    const second = (await ended(source.id, 2)).lastPull!;
    expect(second).toMatchObject({ status: "succeeded", listed: 2, ingested: 0, skipped: 2 });
    expect(second.reports.map((r) => r.reason)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^brought in before \(list /)]),
    );
    expect(stub.downloads()).toHaveLength(downloads);
    // Every request it made was signed: the stub answers 401 to any other.
    expect(stub.requests.filter((r) => r.status === 401)).toEqual([]);
  });

  it("lands a report of a type its table does not know unassigned, read by its columns", async () => {
    const source = await newFeed({ rules: [{ reportType: "scan_exchange", campaignId: await newCampaign() }] });
    const s = partySide();
    const report = stub.publish({
      id: `c${randomInt(1e9)}`,
      type: "scan_brand_new",
      date: today(),
      csv: `"ip","port"\n"${s.v4}",443\n`,
    });
    await pullNow(source.id);
    const pull = (await ended(source.id, 1)).lastPull!;
    const outcome = pull.reports.find((r) => r.id === report.id)!;
    expect(outcome).toMatchObject({ outcome: "ingested", type: "scan_brand_new" });
    expect(await listOf(outcome.listId!)).toMatchObject({ reportType: null, campaignId: null, accepted: 1 });
  });

  it("skips, and remembers, a report whose file is in Baken already (same sha256)", async () => {
    const source = await newFeed();
    const csv = await sample("scan_exchange");
    const first = stub.publish({ id: `d${randomInt(1e9)}`, type: "scan_exchange", date: today(), csv });
    const again = stub.publish({
      id: `e${randomInt(1e9)}`,
      type: "scan_exchange",
      date: today(),
      csv,
      report: "other-list",
    });
    await pullNow(source.id);
    const pull = (await ended(source.id, 1)).lastPull!;
    const listId = pull.reports.find((r) => r.id === first.id)!.listId;
    expect(pull.reports.find((r) => r.id === again.id)).toMatchObject({
      outcome: "skipped",
      reason: `the same file is list ${listId} already`,
      listId,
    });
    const downloads = stub.downloads().length;
    await pullNow(source.id);
    expect((await ended(source.id, 2)).lastPull).toMatchObject({ ingested: 0, skipped: 2 });
    expect(stub.downloads()).toHaveLength(downloads);
  });

  it("retries a pull while the server fails, with backoff, showing each run; then ingests", async () => {
    const source = await newFeed();
    const report = stub.publish({
      id: `f${randomInt(1e9)}`,
      type: "scan_exchange",
      date: today(),
      csv: await sample("scan_exchange"),
    });
    stub.down = 503;
    await pullNow(source.id);
    const failed = (await ended(source.id, 1)).lastPull!;
    expect(failed).toMatchObject({ attempt: 1, status: "failed", ingested: 0 });
    expect(failed.error).toMatch(/HTTP 503/);
    stub.down = null;
    const later = await waitFor(
      async () => {
        const f = await feed(source.id);
        return f.lastPull?.status === "succeeded" ? f : null;
      },
      { what: "the retried pull", timeout: 30_000 },
    );
    expect(later.lastPull).toMatchObject({ attempt: 2, trigger: "manual", ingested: 1 });
    expect(later.lastPull!.reports[0]).toMatchObject({ id: report.id, outcome: "ingested" });
  });

  it("never keeps half a report: a download cut short stores nothing, and the retry stores it whole", async () => {
    const source = await newFeed();
    const report = stub.publish({
      id: `g${randomInt(1e9)}`,
      type: "scan_exchange",
      date: today(),
      csv: await sample("scan_exchange"),
      report: `cut-${randomInt(1e9)}`,
    });
    stub.cut.add(report.id);
    await pullNow(source.id);
    const failed = (await ended(source.id, 1)).lastPull!;
    expect(failed).toMatchObject({ status: "failed", ingested: 0 });
    expect(failed.reports).toEqual([expect.objectContaining({ id: report.id, outcome: "failed" })]);
    const stored = async () =>
      (await app.ctx.db.pool.query(`SELECT id, accepted_count FROM exposure_list WHERE file_name = $1`, [report.file]))
        .rows;
    expect(await stored()).toEqual([]);
    stub.cut.delete(report.id);
    await waitFor(async () => (await feed(source.id)).lastPull?.status === "succeeded", {
      timeout: 30_000,
      what: "the retry",
    });
    expect(await stored()).toEqual([expect.objectContaining({ accepted_count: 2 })]);
  });

  it("closes a run its worker died in when the job runs again, and leaves another job's run alone", async () => {
    const source = await newFeed();
    const running = async (jobId: string) =>
      (
        await app.ctx.db.pool.query<{ id: number }>(
          `INSERT INTO feed_pull (feed_source_id, trigger, job_id) VALUES ($1, 'manual', $2) RETURNING id`,
          [source.id, jobId],
        )
      ).rows[0]!.id;
    const dead = await running(`pull-${source.id}`);
    const other = await running("repeat-elsewhere");
    await pullFeed(worker.ctx, { feedSourceId: source.id, trigger: "manual", attempt: 1, jobId: `pull-${source.id}` });
    const runs = new Map((await feed(source.id)).pulls.map((p) => [p.id, p]));
    expect(runs.get(dead)).toMatchObject({ status: "failed", error: CUT_SHORT });
    expect(runs.get(other)).toMatchObject({ status: "running" });
    expect((await feed(source.id)).lastPull).toMatchObject({ status: "succeeded" });
  });

  it("does not retry what cannot pass: a wrong secret, a report refused for its content", async () => {
    const wrong = await newFeed({ secret: "not the secret" });
    await pullNow(wrong.id);
    const refused = (await ended(wrong.id, 1)).lastPull!;
    expect(refused).toMatchObject({ status: "failed", attempt: 1 });
    expect(refused.error).toMatch(/refused the API key or the request's signature \(HTTP 401\)/);

    const source = await newFeed({ reportTypes: ["scan_ntp"] });
    const bad = stub.publish({
      id: `h${randomInt(1e9)}`,
      type: "scan_ntp",
      date: today(),
      csv: shadowserverCsv(reportType("scan_ntp")!, [{ ip: "not an address", port: 123 }]),
    });
    await pullNow(source.id);
    const pull = (await ended(source.id, 1)).lastPull!;
    expect(pull).toMatchObject({ status: "failed", listed: 1, failed: 1, error: "1 of 1 report(s) refused" });
    expect(pull.reports[0]).toMatchObject({
      id: bad.id,
      outcome: "failed",
      reason: expect.stringMatching(/^No usable rows/),
    });
    // Both jobs are done: neither ran a second time.
    const jobs = await app.ctx.producer.inspect("pull-feed", [
      { feedSourceId: wrong.id, trigger: "manual" },
      { feedSourceId: source.id, trigger: "manual" },
    ]);
    expect([...jobs.values()].map((j) => j.state)).toEqual(["failed", "finished"]);
    expect((await feed(wrong.id)).pulls).toHaveLength(1);
    expect((await feed(source.id)).pulls).toHaveLength(1);
  });
});

describe("reports pushed to a feed", () => {
  let app: App;
  let admin: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
  });
  afterAll(() => app.close());

  async function token(role: "viewer" | "analyst") {
    const res = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: bearer(admin),
      payload: { name: `pusher ${role}`, role, expiresInDays: 1 },
    });
    return { authorization: `Bearer ${res.json().token}` };
  }

  it("ingests a pushed report by the feed's rules, once per report id, from a tool's API token", async () => {
    const campaign = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(admin),
      payload: { name: `Pushed ${randomUUID()}` },
    });
    const campaignId = campaign.json().id;
    const created = await app.inject({
      method: "POST",
      url: "/api/feeds",
      headers: bearer(admin),
      payload: {
        kind: "push",
        name: `Partner CERT ${randomUUID()}`,
        rules: [{ reportType: "scan_exchange", campaignId }],
      },
    });
    expect(created.json()).toMatchObject({ kind: "push", hasCredentials: false, apiUrl: null, schedule: null });
    const id = created.json().id;
    const s = partySide();
    const { csv, fileName } = shadowserverSample(reportType("scan_exchange")!, s);
    const push = (headers: Record<string, string>, reportId: string, content = csv) => {
      const form = multipart([{ name: "file", fileName, content }]);
      return app.inject({
        method: "POST",
        url: `/api/feeds/${id}/reports?reportId=${reportId}`,
        headers: { ...headers, ...form.headers },
        payload: form.payload,
      });
    };
    const analystToken = await token("analyst");
    const first = await push(analystToken, "partner-001");
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ reportType: "scan_exchange", campaignId, accepted: 2 });

    const again = await push(analystToken, "partner-001", `${csv}\n`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      message: "Report partner-001 was brought in before",
      details: { id: first.json().id },
    });
    const sameFile = await push(analystToken, "partner-002");
    expect(sameFile.statusCode).toBe(409);
    expect((await push(await token("viewer"), "partner-003")).statusCode).toBe(403);

    const feed = (await app.inject({ url: `/api/feeds/${id}`, headers: bearer(admin) })).json();
    expect(feed.pulls.map((p: Pull) => [p.trigger, p.status, p.ingested, p.skipped])).toEqual([
      ["push", "succeeded", 0, 1],
      ["push", "succeeded", 1, 0],
    ]);
  });
});
