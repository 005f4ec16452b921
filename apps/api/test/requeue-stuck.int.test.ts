import { seedCampaign, seedScenario, SmtpSink, startProcess, waitFor, type RunningProcess } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";

// The real worker entry point as its own process (one node process: SIGKILL kills the worker itself).
const WORKER = "apps/worker/src/main.ts";

describe("a notice whose worker was killed twice on it", () => {
  const sink = new SmtpSink();
  let app: App;
  let analyst: TestStaff;
  const workers: RunningProcess[] = [];
  const startWorker = () => {
    const worker = startProcess(WORKER, {
      SMTP_URL: sink.url,
      NOTICE_RATE_PER_SECOND: "0",
      NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0",
      // A killed worker's job is looked at again once its lock lapses: 2 s here, not 30.
      JOB_LOCK_SECONDS: "2",
      // The staff action repairs it here; the sweep has its own test (apps/worker/test/notice-repair.int.test.ts).
      NOTICE_REPAIR_SWEEP_SECONDS: "0",
      LOG_LEVEL: "info",
    });
    workers.push(worker);
    return worker;
  };
  beforeAll(async () => {
    await sink.start();
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await app.close();
    await sink.stop();
  });

  it("is failed as stalled, says so, and is mailed exactly once when staff re-queue the campaign's stuck notices", async () => {
    const tag = randomUUID().slice(0, 8);
    const email = `abuse@${tag}.example`;
    const campaignId = await seedCampaign(app.ctx.db, { name: `stalled ${tag}` });
    await seedScenario(app.ctx.db, campaignId, {
      orgs: [
        {
          id: randomUUID(),
          name: `stalled org ${tag}`,
          language: "en",
          active: true,
          contacts: [{ email, role: "abuse", language: null, active: true }],
          hosts: [
            {
              ip: "192.0.2.7",
              port: 443,
              protocol: "https",
              hostname: null,
              tag: null,
              version: null,
              seenAt: new Date(),
            },
          ],
          expected: null,
        },
      ],
      unmatched: [],
    });
    // The server takes the message and never answers while a worker is on it: the worker dies mid-transaction.
    const held: ((v: { code: number; message: string }) => void)[] = [];
    sink.respond = () => new Promise((resolve) => held.push(resolve));
    const notice = () => app.ctx.db.prisma.notice.findFirstOrThrow({ where: { campaignId } });

    const send = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/send`,
      headers: bearer(analyst),
    });
    expect(send.statusCode, send.body).toBe(202);
    for (let kill = 1; kill <= 2; kill++) {
      const worker = startWorker();
      await waitFor(() => held.length === kill, { timeout: 30_000, what: `the worker's attempt ${kill} in flight` });
      worker.child.kill("SIGKILL");
      await worker.exited;
      held[kill - 1]!({ code: 451, message: "4.4.2 connection lost" });
    }
    expect(await notice()).toMatchObject({ status: "sending", attempts: 2 });

    // The next worker finds the job stalled a second time: BullMQ fails it without running it, and the notice
    // says so (it would otherwise stay `sending` with nothing behind it).
    startWorker();
    await waitFor(async () => (await notice()).lastError?.includes("stalled"), {
      timeout: 30_000,
      what: "the stall recorded on the notice",
    });
    expect((await notice()).lastError).toBe(
      "The worker stopped twice while sending this notice (BullMQ: job stalled more than allowable limit); it is queued again by the repair sweep or by staff",
    );
    expect(sink.mails).toHaveLength(0);

    sink.respond = () => undefined;
    const requeue = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/requeue-stuck`,
      headers: bearer(analyst),
    });
    expect(requeue.statusCode, requeue.body).toBe(200);
    expect(requeue.json()).toEqual({ requeued: 1, live: 0, heldBack: 0 });
    await waitFor(async () => (await notice()).status === "sent", { timeout: 30_000, what: "the notice sent" });
    expect(await notice()).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(sink.mails.map((m) => m.envelope.to)).toEqual([[email]]);

    // Asking again finds nothing stuck, and mails nobody.
    const again = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/requeue-stuck`,
      headers: bearer(analyst),
    });
    expect(again.json()).toEqual({ requeued: 0, live: 0, heldBack: 0 });
    const audit = await app.ctx.db.prisma.auditEvent.findMany({
      where: { action: "notices.requeue-stuck", subjectId: campaignId },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.actorId, a.details])).toEqual([
      [analyst.id, { requeued: 1, live: 0, heldBack: 0, olderThanMs: 0 }],
      [analyst.id, { requeued: 0, live: 0, heldBack: 0, olderThanMs: 0 }],
    ]);
    expect(sink.mails).toHaveLength(1);
  });

  it("is for analysts: a viewer gets 403, an unknown campaign 404", async () => {
    const viewer = await signIn(app, "viewer");
    const id = randomUUID();
    const forbidden = await app.inject({
      method: "POST",
      url: `/api/campaigns/${id}/requeue-stuck`,
      headers: bearer(viewer),
    });
    expect(forbidden.statusCode).toBe(403);
    const missing = await app.inject({
      method: "POST",
      url: `/api/campaigns/${id}/requeue-stuck`,
      headers: bearer(analyst),
    });
    expect(missing.statusCode).toBe(404);
  });
});
