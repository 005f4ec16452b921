import { sendCampaign } from "@baken/services";
import { seedCampaign, seedScenario, SmtpSink, waitFor, type SeedOrg } from "@baken/testing";
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { producerContext, spawnWorker } from "./helper.ts";

describe("a worker killed mid-send", () => {
  const sink = new SmtpSink();
  const context = producerContext();
  const { ctx } = context;
  const { db } = ctx;
  const children: ChildProcess[] = [];
  beforeAll(() => sink.start());
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await sink.stop();
    await context.close();
  });

  it("resumes after SIGKILL without losing a notice or mailing one twice", async () => {
    const prefix = `crash${randomUUID().slice(0, 6)}`;
    const total = 60;
    const orgs: SeedOrg[] = Array.from({ length: total }, (_, i) => ({
      id: randomUUID(),
      name: `${prefix} org ${i}`,
      language: (["nl", "fr", "de", "en"] as const)[i % 4]!,
      active: true,
      contacts: [{ email: `abuse@o${i}.${prefix}.example`, role: "abuse", language: null, active: true }],
      hosts: [
        {
          ip: `203.0.113.${i + 1}`,
          port: 25,
          protocol: "smtp",
          hostname: null,
          tag: null,
          version: null,
          seenAt: new Date(),
        },
      ],
      expected: { recipients: [`abuse@o${i}.${prefix}.example`], language: "en" },
    }));
    const campaignId = await seedCampaign(db, { name: `crash ${prefix}` });
    await seedScenario(db, campaignId, { orgs, unmatched: [] });

    // The server accepts 20 mails, then holds every further one mid-transaction (DATA sent, no answer yet).
    const held: ((v: { code: number; message: string }) => void)[] = [];
    let accepted = 0;
    sink.respond = () => (accepted < 20 ? void accepted++ : new Promise((resolve) => held.push(resolve)));

    const first = spawnWorker(sink.url);
    children.push(first);
    await sendCampaign(ctx, { id: null }, { id: campaignId });
    await waitFor(() => sink.mails.length === 20 && held.length > 0, {
      timeout: 30_000,
      what: "20 mails accepted and more in flight",
    });
    // Every accepted mail is recorded before the kill: the crash hits only transactions the server has not answered.
    await waitFor(async () => (await db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === 20, {
      what: "20 recorded",
    });
    const inFlight = await db.prisma.notice.count({ where: { campaignId, status: "sending" } });
    expect(inFlight).toBeGreaterThan(0);

    first.kill("SIGKILL");
    await once(first, "exit");
    // Those transactions died with the worker; the server never said 250 to them.
    for (const answer of held) answer({ code: 451, message: "4.4.2 connection lost" });
    sink.respond = () => undefined;

    const second = spawnWorker(sink.url);
    children.push(second);
    await waitFor(async () => (await db.prisma.notice.count({ where: { campaignId, status: "sent" } })) === total, {
      timeout: 45_000,
      what: "every notice sent after restart",
    });
    second.kill("SIGTERM");
    await once(second, "exit");

    expect(sink.mails).toHaveLength(total);
    expect(new Set(sink.mails.map((m) => m.envelope.to[0])).size).toBe(total);
    const notices = await db.prisma.notice.findMany({ where: { campaignId } });
    expect(new Set(sink.mails.map((m) => m.parsed.messageId))).toEqual(new Set(notices.map((n) => n.messageId)));
    // The notices cut off mid-transaction were tried twice and mailed once.
    expect(notices.filter((n) => n.attempts === 2).length).toBeGreaterThanOrEqual(inFlight);
    expect(notices.every((n) => n.status === "sent" && n.attempts <= 2)).toBe(true);
  });
});
