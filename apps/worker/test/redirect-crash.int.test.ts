import { verpReturnPath } from "@baken/core";
import { sendCampaign } from "@baken/services";
import { deliveryReport, seedCampaign, seedScenario, SmtpSink, waitFor } from "@baken/testing";
import nodemailer from "nodemailer";
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { producerContext, spawnWorker } from "./helper.ts";

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Never twice (issue 15): a redirect is one more mail to one more recipient, even when the worker dies
// while sending it and the same bounce then comes in twice.
describe("a redirect when the worker is killed mid-send", () => {
  const sink = new SmtpSink();
  const context = producerContext();
  const { ctx } = context;
  const children: ChildProcess[] = [];
  beforeAll(() => sink.start());
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await sink.stop();
    await context.close();
  });

  it("mails the fallback contact once, and a duplicated bounce of the notice redirects nothing more", async () => {
    const { prisma } = ctx.db;
    const p = `rc${randomUUID().slice(0, 6)}`;
    const old = `old@x.${p}.example`;
    const fallback = `abuse@isp.${p}.example`;
    const orgId = randomUUID();
    const campaignId = await seedCampaign(ctx.db, { name: `redirect crash ${p}` });
    await seedScenario(ctx.db, campaignId, {
      orgs: [
        {
          id: orgId,
          name: `${p} X`,
          language: "en",
          active: true,
          contacts: [{ email: old, role: "abuse", language: null, active: true }],
          hosts: [
            {
              ip: "198.51.100.9",
              port: 25,
              protocol: "smtp",
              hostname: null,
              tag: null,
              version: null,
              seenAt: new Date(),
            },
          ],
          expected: { recipients: [old], language: "en" },
        },
      ],
      unmatched: [],
    });
    await prisma.organization.update({ where: { id: orgId }, data: { fallbackEmail: fallback } });
    sink.respondToRecipient = (address) => (address === old ? { code: 550, message: "5.1.1 User unknown" } : undefined);
    // The redirect's first transaction is held after DATA: the worker dies before the server answers.
    const held: ((v: { code: number; message: string }) => void)[] = [];
    sink.respond = ({ to }) =>
      to.includes(fallback) && held.length === 0 ? new Promise((r) => held.push(r)) : undefined;

    const first = spawnWorker(sink.url);
    children.push(first);
    await sendCampaign(ctx, { id: null }, { id: campaignId });
    await waitFor(() => held.length > 0, { timeout: 30_000, what: "the redirect in flight" });
    first.kill("SIGKILL");
    await once(first, "exit");
    held[0]!({ code: 451, message: "4.4.2 connection lost" });

    const bouncePort = await freePort();
    const second = spawnWorker(sink.url, { BOUNCE_SMTP_PORT: String(bouncePort) });
    children.push(second);
    const redirect = await waitFor(
      () => prisma.notice.findFirst({ where: { campaignId, redirectOf: { not: null }, status: "sent" } }),
      { timeout: 45_000, what: "the redirect sent after restart" },
    );
    const original = await prisma.notice.findUniqueOrThrow({ where: { id: redirect.redirectOf! } });
    expect(original.status).toBe("bounced");

    // A late bounce of the original notice, delivered twice to the new worker's listener.
    const { mailbox, tagSecret } = ctx.config.bounces;
    const report = deliveryReport({
      returnPath: verpReturnPath(mailbox, tagSecret, original.id),
      originalMessageId: `<${original.id}@baken.example>`,
      recipient: old,
      messageId: `<late-${p}@mx.x.example>`,
    });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: bouncePort, ignoreTLS: true });
    await waitFor(
      () =>
        transport.sendMail(report).then(
          () => true,
          () => undefined,
        ),
      { what: "the listener up" },
    );
    await transport.sendMail(report);
    transport.close();
    await waitFor(async () => (await prisma.bounceMessage.count({ where: { noticeId: original.id } })) === 1, {
      what: "the late bounce stored once",
    });
    second.kill("SIGTERM");
    await once(second, "exit");

    expect(await prisma.notice.count({ where: { campaignId } })).toBe(2);
    expect(sink.mails.filter((m) => m.envelope.to.includes(fallback)).map((m) => m.envelope.to)).toEqual([[fallback]]);
    expect(sink.mails.filter((m) => m.envelope.to.includes(old))).toEqual([]);
  });
});
