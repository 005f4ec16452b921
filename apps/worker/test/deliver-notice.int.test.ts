import { tokenHash, noticeToken } from "@baken/core";
import { QUEUES } from "@baken/queue";
import { sendCampaign } from "@baken/services";
import { seedCampaign, seedScenario, SmtpSink, waitFor, type SeedOrg } from "@baken/testing";
import { randomUUID } from "node:crypto";
import * as openpgp from "openpgp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "./helper.ts";

const system = { id: null };

/** n organizations (one host each) whose contacts live at `domain` (default: one domain per organization). */
function orgs(
  prefix: string,
  n: number,
  opts: { domain?: string; language?: SeedOrg["language"]; pgpKey?: string } = {},
): SeedOrg[] {
  return Array.from({ length: n }, (_, i) => {
    const domain = opts.domain ?? `o${i}.${prefix}.example`;
    const email = `abuse-${prefix}-${i}@${domain}`;
    return {
      id: randomUUID(),
      name: `${prefix} org ${i}`,
      language: opts.language ?? "en",
      active: true,
      contacts: [{ email, role: "abuse", language: null, active: true, pgpPublicKey: opts.pgpKey }],
      hosts: [
        {
          ip: `198.51.100.${i + 1}`,
          port: 443,
          protocol: "https",
          hostname: `h${i}.${domain}`,
          tag: "t",
          version: "1",
          seenAt: new Date("2026-11-20T10:00:00Z"),
        },
      ],
      expected: { recipients: [email], language: opts.language ?? "en" },
    };
  });
}

describe("deliver-notice", () => {
  const sink = new SmtpSink();
  let worker: Awaited<ReturnType<typeof startTestWorker>> | undefined;
  beforeAll(() => sink.start());
  afterAll(() => sink.stop());
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    sink.clear();
  });

  async function campaignWith(scenarioOrgs: SeedOrg[], env: Record<string, string> = {}) {
    worker = await startTestWorker(sink.url, env);
    const campaignId = await seedCampaign(worker.ctx.db, { name: `c-${randomUUID()}` });
    await seedScenario(worker.ctx.db, campaignId, { orgs: scenarioOrgs, unmatched: [] });
    return { campaignId, ctx: worker.ctx, prisma: worker.ctx.db.prisma };
  }

  it("retries an SMTP 4xx with backoff, then sends once", async () => {
    const prefix = `t4xx${randomUUID().slice(0, 6)}`;
    const { campaignId, ctx, prisma } = await campaignWith(orgs(prefix, 1));
    let tries = 0;
    sink.respond = () => (++tries === 1 ? { code: 451, message: "4.3.0 try again later" } : undefined);
    await sendCampaign(ctx, system, { id: campaignId });
    await waitFor(
      async () => await prisma.notice.findFirst({ where: { campaignId, lastError: { contains: "451" } } }),
      { what: "first attempt recorded" },
    );
    const between = await prisma.notice.findFirstOrThrow({ where: { campaignId } });
    expect(between).toMatchObject({ status: "queued", attempts: 1 });
    const notice = await waitFor(() => prisma.notice.findFirst({ where: { campaignId, status: "sent" } }), {
      timeout: 30_000,
      what: "sent after retry",
    });
    expect(notice).toMatchObject({ attempts: 2, lastError: null });
    expect(sink.mails).toHaveLength(1);
    expect(sink.mails[0]!.parsed.messageId).toBe(notice.messageId);
  });

  it("does not retry an SMTP 5xx: the notice reached nobody, so it is bounced and its contact undeliverable", async () => {
    const prefix = `t5xx${randomUUID().slice(0, 6)}`;
    const { campaignId, ctx, prisma } = await campaignWith(orgs(prefix, 1));
    let tries = 0;
    sink.respond = () => (++tries, { code: 550, message: "5.1.1 mailbox unknown" });
    await sendCampaign(ctx, system, { id: campaignId });
    const notice = await waitFor(() => prisma.notice.findFirst({ where: { campaignId, status: "bounced" } }), {
      what: "bounced notice",
    });
    expect(notice.attempts).toBe(1);
    expect(notice.lastError).toContain("550");
    const job = await ctx.producer.queue(QUEUES.notices).getJob(notice.id);
    await waitFor(async () => (await job!.getState()) === "completed" || undefined, { what: "job completed" });
    const contacts = await prisma.contact.findMany({ where: { organizationId: notice.organizationId } });
    expect(contacts.map((c) => [c.undeliverableStatus, c.undeliverableNoticeId])).toEqual([["5.1.1", notice.id]]);
    expect(job!.attemptsMade).toBe(1);
    expect(tries).toBe(1);
    expect(sink.mails).toHaveLength(0);
  });

  it("throttles per recipient domain: over the limit a notice waits, without using an attempt", async () => {
    const prefix = `tdom${randomUUID().slice(0, 6)}`;
    // Five notices to one provider at 2 a minute: even if a minute boundary falls mid-test, at most four go.
    const { campaignId, ctx, prisma } = await campaignWith(orgs(prefix, 5, { domain: `${prefix}-bigmail.example` }), {
      NOTICE_RATE_PER_DOMAIN_PER_MINUTE: "2",
    });
    await sendCampaign(ctx, system, { id: campaignId });
    const queue = ctx.producer.queue(QUEUES.notices);
    const delayed = await waitFor(
      async () => {
        const notices = await prisma.notice.findMany({ where: { campaignId } });
        if (notices.some((n) => n.status === "sending")) return null;
        const states = await Promise.all(
          notices.map(async (n) => ({ n, state: await (await queue.getJob(n.id))?.getState() })),
        );
        const settled = states.every((s) => s.state === "completed" || s.state === "delayed");
        return settled ? states.filter((s) => s.state === "delayed").map((s) => s.n) : null;
      },
      { what: "jobs sent or delayed" },
    );
    expect(delayed.length).toBeGreaterThanOrEqual(1);
    expect(sink.mails.length).toBe(5 - delayed.length);
    expect(sink.mails.length).toBeGreaterThanOrEqual(2);
    for (const notice of delayed) {
      expect(notice).toMatchObject({ status: "queued", attempts: 0 });
      const job = await queue.getJob(notice.id);
      expect(job!.attemptsMade).toBe(0);
      // It would go out in the next minute, to whichever worker then runs: not this test's business.
      await job!.remove();
    }
  });

  it("never creates two notices for a host, even with two sends at once", async () => {
    const prefix = `tcc${randomUUID().slice(0, 6)}`;
    const seeded = orgs(prefix, 30);
    const { campaignId, ctx, prisma } = await campaignWith(seeded);
    const [a, b] = await Promise.all([
      sendCampaign(ctx, system, { id: campaignId }),
      sendCampaign(ctx, system, { id: campaignId }),
    ]);
    expect(a.notices + b.notices).toBe(30);
    expect(Math.min(a.notices, b.notices)).toBe(0);
    await waitFor(async () => (await prisma.notice.count({ where: { campaignId, status: "sent" } })) === 30, {
      what: "30 sent",
    });
    expect(sink.mails).toHaveLength(30);
    expect(new Set(sink.mails.map((m) => m.envelope.to[0])).size).toBe(30);
  });

  it("re-notifies a host that came back only after the quiet period", async () => {
    const prefix = `tq${randomUUID().slice(0, 6)}`;
    const { campaignId, ctx, prisma } = await campaignWith(orgs(prefix, 2), { NOTICE_QUIET_DAYS: "30" });
    await sendCampaign(ctx, system, { id: campaignId });
    await waitFor(() => sink.mails.length === 2, { what: "first round" });
    // Both hosts went away and came back (what a later list does): open again, still pointing at their notice.
    const hosts = await prisma.campaignHost.findMany({ where: { campaignId }, orderBy: { ip: "asc" } });
    await prisma.campaignHost.update({
      where: { id: hosts[0]!.id },
      data: { state: "open", notifiedAt: new Date(Date.now() - 5 * 86_400_000) },
    });
    await prisma.campaignHost.update({
      where: { id: hosts[1]!.id },
      data: { state: "open", notifiedAt: new Date(Date.now() - 31 * 86_400_000) },
    });
    const again = await sendCampaign(ctx, system, { id: campaignId });
    expect(again).toMatchObject({ notices: 1, hosts: 1, quietHosts: 1 });
    await waitFor(() => sink.mails.length === 3, { what: "re-notice" });
    expect(sink.mails[2]!.parsed.text).toContain(hosts[1]!.hostname!);
    const renotified = await prisma.campaignHost.findUniqueOrThrow({ where: { id: hosts[1]!.id } });
    expect(renotified.state).toBe("notified");
    expect(renotified.noticeId).not.toBe(hosts[1]!.noticeId);
  });

  it("delivers a reminder with the initial notice's link, threaded under it, listing what is still seen", async () => {
    const prefix = `trm${randomUUID().slice(0, 6)}`;
    const seeded = orgs(prefix, 1, { language: "de" });
    seeded[0]!.hosts.push({ ...seeded[0]!.hosts[0]!, ip: "198.51.100.200", hostname: `gone.${prefix}.example` });
    const { campaignId, ctx, prisma } = await campaignWith(seeded);
    await sendCampaign(ctx, system, { id: campaignId });
    const initial = await waitFor(() => prisma.notice.findFirst({ where: { campaignId, status: "sent" } }), {
      what: "initial sent",
    });
    await prisma.campaignHost.updateMany({
      where: { campaignId, hostname: `gone.${prefix}.example` },
      data: { state: "gone" },
    });
    const reminder = await prisma.notice.create({
      data: {
        reference: `BAKEN#20261123-9${Date.now().toString().slice(-7)}`,
        campaignId,
        organizationId: initial.organizationId,
        kind: "reminder",
        parentId: initial.id,
        recipients: initial.recipients,
        language: "de",
        hostCount: 1,
      },
    });
    await ctx.producer.enqueue("deliver-notice", { noticeId: reminder.id });
    await waitFor(() => sink.mails.length === 2, { what: "reminder mail" });
    const [first, second] = sink.mails;
    const link = (text: string) => /https?:\/\/\S+\/r\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
    expect(link(second!.parsed.text!)).toBe(link(first!.parsed.text!));
    expect(tokenHash(link(second!.parsed.text!))).toBe(initial.tokenHash);
    expect(link(first!.parsed.text!)).toBe(noticeToken(ctx.config.notices.tokenSecret, initial.id));
    expect(second!.parsed.subject).toContain("Erinnerung");
    expect(second!.parsed.inReplyTo).toBe(first!.parsed.messageId);
    expect(second!.parsed.text).toContain(`h0.o0.${prefix}.example`);
    expect(second!.parsed.text).not.toContain(`gone.${prefix}.example`);
  });

  it("signs every notice, and encrypts to a contact who registered a key", async () => {
    const cert = await openpgp.generateKey({
      userIDs: [{ email: "cert@baken.example" }],
      passphrase: "cert pass",
      format: "armored",
    });
    const owner = await openpgp.generateKey({ userIDs: [{ email: "owner@example.be" }], format: "armored" });
    const prefix = `tpgp${randomUUID().slice(0, 6)}`;
    const plain = orgs(`${prefix}a`, 1);
    const secret = orgs(`${prefix}b`, 1, { pgpKey: owner.publicKey });
    const { campaignId, ctx, prisma } = await campaignWith([...plain, ...secret], {
      PGP_SIGNING_KEY: cert.privateKey,
      PGP_SIGNING_PASSPHRASE: "cert pass",
    });
    await sendCampaign(ctx, system, { id: campaignId });
    await waitFor(() => sink.mails.length === 2, { what: "two mails" });
    await waitFor(async () => (await prisma.notice.count({ where: { campaignId, status: "sent" } })) === 2, {
      what: "recorded",
    });
    const recorded = await prisma.notice.findMany({ where: { campaignId } });
    expect(new Set(recorded.map((n) => n.messageId))).toEqual(new Set(sink.mails.map((m) => m.parsed.messageId)));
    const signed = sink.mails.find((m) => m.envelope.to[0] === plain[0]!.expected!.recipients[0])!;
    const encrypted = sink.mails.find((m) => m.envelope.to[0] === secret[0]!.expected!.recipients[0])!;
    expect(signed.parsed.headers.get("content-type")).toMatchObject({ value: "multipart/signed" });
    expect(signed.raw).toContain("-----BEGIN PGP SIGNATURE-----");
    expect(encrypted.parsed.headers.get("content-type")).toMatchObject({ value: "multipart/encrypted" });
    const armored = encrypted.raw.slice(
      encrypted.raw.indexOf("-----BEGIN PGP MESSAGE"),
      encrypted.raw.indexOf("-----END PGP MESSAGE") + 25,
    );
    const { data, signatures } = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored.replace(/\r\n/g, "\n") }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: owner.privateKey }),
      verificationKeys: await openpgp.readKey({ armoredKey: cert.publicKey }),
      format: "binary",
    });
    await expect(signatures[0]!.verified).resolves.toBe(true);
    expect(Buffer.from(data as Uint8Array).toString("latin1")).toContain("Dear Sir or Madam");
    expect(encrypted.raw).not.toContain("Dear Sir or Madam");
  });
});
