import { requeueStuckNotices, sendCampaign } from "@baken/services";
import { seedCampaign, seedScenario, SmtpSink, waitFor, type SeedOrg } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { producerContext, startTestWorker } from "./helper.ts";

/** Every key of this file's queues: what a Redis restarted without its data no longer has. */
async function emptyRedis(ctx: ReturnType<typeof producerContext>["ctx"]) {
  let cursor = "0";
  do {
    const [next, keys] = await ctx.redis.scan(cursor, "MATCH", `${ctx.config.redis.prefix}:*`, "COUNT", 1000);
    if (keys.length > 0) await ctx.redis.unlink(...keys);
    cursor = next;
  } while (cursor !== "0");
}

describe("the worker's repair sweep", () => {
  const sink = new SmtpSink();
  const context = producerContext();
  const { ctx } = context;
  const { db, producer } = ctx;
  beforeAll(() => sink.start());
  afterAll(async () => {
    await sink.stop();
    await context.close();
  });

  it("mails once each notice queued before Redis restarted empty, and never again one accepted but not recorded", async () => {
    const tag = randomUUID().slice(0, 8);
    const domain = `${tag}.example`;
    const orgs: SeedOrg[] = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      name: `repair ${tag} ${i}`,
      language: "en",
      active: true,
      contacts: [{ email: `abuse-${i}@${domain}`, role: "abuse", language: null, active: true }],
      hosts: [
        {
          ip: `198.51.100.${i + 1}`,
          port: 25,
          protocol: "smtp",
          hostname: null,
          tag: null,
          version: null,
          seenAt: new Date(),
        },
      ],
      expected: null,
    }));
    const campaignId = await seedCampaign(db, { name: `repair ${tag}` });
    await seedScenario(db, campaignId, { orgs, unmatched: [] });
    // Sent while no worker runs: 20 notices queued, 20 jobs in Redis; then Redis loses them all.
    const sent = await sendCampaign(ctx, { id: null }, { id: campaignId });
    expect(sent.queued).toBe(20);
    await emptyRedis(ctx);
    const notices = await db.prisma.notice.findMany({ where: { campaignId }, select: { id: true } });
    const statuses = await producer.inspect(
      "deliver-notice",
      notices.map((n) => ({ noticeId: n.id })),
    );
    expect([...statuses.values()].every((s) => s.state === "missing")).toBe(true);

    // One of them will be accepted by the mail server and then not be recorded (the database refuses `sent`
    // for it): the one case where sending again would mail twice.
    const unrecorded = notices[0]!.id;
    const fn = `refuse_sent_${tag}`;
    await db.pool.query(`CREATE FUNCTION "${fn}"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id = '${unrecorded}' AND NEW.status = 'sent' THEN RAISE EXCEPTION 'database unavailable'; END IF; RETURN NEW; END $$`);
    await db.pool.query(`CREATE TRIGGER "${fn}" BEFORE UPDATE ON notice FOR EACH ROW EXECUTE FUNCTION "${fn}"()`);

    const worker = await startTestWorker(sink.url, {
      // On here, as in production: the suite turns it off because other files' notices look stranded too.
      NOTICE_REPAIR_SWEEP_SECONDS: "1",
      JOB_LOCK_SECONDS: "1",
      NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "0",
    });
    try {
      const mine = () => sink.mails.filter((m) => m.envelope.to[0]!.endsWith(`@${domain}`));
      await waitFor(async () => (await db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === 19, {
        timeout: 30_000,
        what: "19 notices sent",
      });
      await waitFor(
        async () =>
          (await db.prisma.notice.findUniqueOrThrow({ where: { id: unrecorded } })).lastError?.startsWith(
            "accepted by the SMTP server",
          ),
        { timeout: 30_000, what: "the unrecorded notice held back" },
      );
      // More sweeps go by; none sends it again.
      const checked = await requeueStuckNotices(ctx, { id: null }, { olderThanMs: 0, campaignId });
      expect(checked).toEqual({ requeued: 0, live: 0, heldBack: 1 });
      expect(await db.prisma.notice.findUniqueOrThrow({ where: { id: unrecorded } })).toMatchObject({
        status: "sending",
      });
      expect(mine()).toHaveLength(20);
      expect(new Set(mine().map((m) => m.envelope.to[0])).size).toBe(20);
    } finally {
      await worker.close();
      await db.pool.query(`DROP TRIGGER "${fn}" ON notice; DROP FUNCTION "${fn}"()`);
    }
  });
});
