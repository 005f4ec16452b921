import { verpReturnPath } from "@baken/core";
import { insertRipeImport } from "@baken/db";
import {
  importRipeDump,
  listCampaignNotices,
  listContactsToFix,
  markContactDeliverable,
  noticeDelivery,
  remindCampaign,
  sendCampaign,
} from "@baken/services";
import { deliveryReport, seedCampaign, seedScenario, SmtpSink, waitFor, type SeedOrg } from "@baken/testing";
import nodemailer from "nodemailer";
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "./helper.ts";

const system = { id: null };

const rpsl = (...pairs: [string, string][]) => pairs.map(([n, v]) => `${`${n}:`.padEnd(16)}${v}`).join("\n") + "\n\n";

/** Makes `objects` the active RIPE import, as `npm run ripe:import` would. */
async function importDump(ctx: Parameters<typeof importRipeDump>[0], objects: string[]) {
  const importId = await insertRipeImport(ctx.db, { origin: "cli", files: [], countries: null, createdById: null });
  const bytes = Buffer.from(objects.join(""), "latin1");
  const file = {
    name: "ripe.db",
    bytes: bytes.length,
    async *open() {
      yield bytes;
    },
  };
  await importRipeDump(ctx, system, { importId, files: [file] });
}

function org(prefix: string, name: string, emails: string[], ip: string): SeedOrg {
  return {
    id: randomUUID(),
    name: `${prefix} ${name}`,
    language: "en",
    active: true,
    contacts: emails.map((email) => ({ email, role: "abuse" as const, language: null, active: true })),
    hosts: [
      {
        ip,
        port: 443,
        protocol: "https",
        hostname: null,
        tag: null,
        version: null,
        seenAt: new Date(),
      },
    ],
    expected: { recipients: emails, language: "en" },
  };
}

// Issue 15's end-to-end case: the relay refuses one of two contacts at RCPT; another organization's only
// contact bounces later by a DSN through the real intake (an SMTP client delivering to the listener); a
// third's only contact is refused and the notice goes once to its fallback contact.
describe("delivery feedback, end to end", () => {
  const sink = new SmtpSink();
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  beforeAll(async () => {
    await sink.start();
    worker = await startTestWorker(sink.url, {}, { bounces: true });
  });
  afterAll(async () => {
    await worker.close();
    await sink.stop();
  });

  /** Delivers a raw message to the bounce listener as the CERT's mail server would. */
  async function deliverToIntake(mail: { envelope: { from: string; to: string[] }; raw: string }) {
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: worker.bouncePort, ignoreTLS: true });
    try {
      return await transport.sendMail(mail);
    } finally {
      transport.close();
    }
  }

  it("marks dead contacts, bounces and flags, redirects once, and leaves dead contacts out of the next campaign", async () => {
    const { ctx } = worker;
    const { prisma } = ctx.db;
    const p = `b${randomUUID().slice(0, 6)}`;
    const live = `live@a.${p}.example`;
    const dead = `dead@a.${p}.example`;
    const gone = `gone@b.${p}.example`;
    const old = `old@c.${p}.example`;
    const fallback = `abuse@isp.${p}.example`;
    const a = org(p, "A", [live, dead], "192.0.2.1");
    const b = org(p, "B", [gone], "192.0.2.2");
    const c = org(p, "C", [old], "192.0.2.3");
    const campaignId = await seedCampaign(ctx.db, { name: `bounces ${p}` });
    await seedScenario(ctx.db, campaignId, { orgs: [a, b, c], unmatched: [] });
    await prisma.organization.update({ where: { id: c.id }, data: { fallbackEmail: fallback } });
    sink.respondToRecipient = (address) =>
      address === dead || address === old
        ? { code: 550, message: `5.1.1 <${address}>: Recipient address rejected: User unknown` }
        : undefined;

    await sendCampaign(ctx, system, { id: campaignId });
    const noticeOf = (organizationId: string) =>
      prisma.notice.findFirstOrThrow({ where: { campaignId, organizationId, redirectOf: null } });
    const redirect = await waitFor(
      () => prisma.notice.findFirst({ where: { campaignId, status: "sent", redirectOf: { not: null } } }),
      {
        what: "C's redirect sent",
      },
    );
    await waitFor(
      async () => (await prisma.notice.count({ where: { campaignId, status: { in: ["sent", "bounced"] } } })) === 4,
      {
        what: "every notice done",
      },
    );
    const [na, nb, nc] = [await noticeOf(a.id), await noticeOf(b.id), await noticeOf(c.id)];
    expect([na.status, nb.status, nc.status]).toEqual(["sent", "sent", "bounced"]);

    // Every notice goes with its own return path; the relay refused dead@ and old@ at RCPT.
    const mailOf = (noticeId: string) => sink.mails.find((m) => m.parsed.messageId?.startsWith(`<${noticeId}@`));
    const { mailbox, tagSecret } = ctx.config.bounces;
    expect(mailOf(na.id)!.envelope).toEqual({ from: verpReturnPath(mailbox, tagSecret, na.id), to: [live] });
    expect(mailOf(nb.id)!.envelope.from).toBe(verpReturnPath(mailbox, tagSecret, nb.id));
    expect(mailOf(nc.id)).toBeUndefined();
    // C's notice went once more, to its fallback only, with C's hosts and its own return path.
    expect(redirect.redirectOf).toBe(nc.id);
    const toFallback = sink.mails.filter((m) => m.envelope.to.includes(fallback));
    expect(toFallback.map((m) => m.envelope)).toEqual([
      { from: verpReturnPath(mailbox, tagSecret, redirect.id), to: [fallback] },
    ]);
    expect(toFallback[0]!.parsed.text).toContain("192.0.2.3");

    const outcomesOf = async (noticeId: string) =>
      (await prisma.noticeDelivery.findMany({ where: { noticeId }, orderBy: { id: "asc" } })).map((o) => [
        o.recipient,
        o.kind,
        o.stage,
        o.status,
      ]);
    expect(await outcomesOf(na.id)).toEqual([
      [live, "accepted", "data", "2.0.0"],
      [dead, "refused", "rcpt", "5.1.1"],
    ]);
    expect(await outcomesOf(nc.id)).toEqual([[old, "refused", "rcpt", "5.1.1"]]);

    // B's only contact bounces later: the DSN comes through the listener, twice (a duplicate), and a
    // forged one (a tag signed with another secret) names A's notice.
    const report = deliveryReport({
      returnPath: mailOf(nb.id)!.envelope.from,
      originalMessageId: nb.messageId!,
      recipient: gone,
      messageId: `<dsn-${p}@mx.b.example>`,
    });
    expect((await deliverToIntake(report)).response).toBe("250 2.0.0 Stored");
    expect((await deliverToIntake(report)).response).toBe("250 2.0.0 Stored");
    const forged = deliveryReport({
      returnPath: verpReturnPath(mailbox, "another secret entirely, 32 chars+", na.id),
      originalMessageId: na.messageId!,
      recipient: live,
    });
    expect((await deliverToIntake(forged)).response).toBe("250 2.0.0 Stored");
    // A late bounce of C's already bounced notice: no second redirect.
    await deliverToIntake(
      deliveryReport({
        returnPath: verpReturnPath(mailbox, tagSecret, nc.id),
        originalMessageId: `<${nc.id}@x>`,
        recipient: old,
      }),
    );

    await waitFor(async () => (await prisma.notice.findUniqueOrThrow({ where: { id: nb.id } })).status === "bounced", {
      what: "B's notice bounced",
    });
    expect(await outcomesOf(nb.id)).toEqual([
      [gone, "accepted", "data", "2.0.0"],
      [gone, "failed", "report", "5.1.1"],
    ]);
    const stored = await prisma.bounceMessage.findMany({
      where: { OR: [{ noticeId: { in: [na.id, nb.id, nc.id] } }, { tag: "invalid" }] },
      orderBy: { id: "asc" },
    });
    expect(stored.filter((m) => m.noticeId === nb.id)).toHaveLength(1);
    expect(stored.some((m) => m.tag === "invalid" && m.noticeId === null)).toBe(true);

    // The contacts end marked; A's live one is untouched by the forged report.
    const contacts = await prisma.contact.findMany({
      where: { organizationId: { in: [a.id, b.id, c.id] } },
      orderBy: { email: "asc" },
    });
    const health = Object.fromEntries(
      contacts.map((k) => [k.email, [k.undeliverableStatus, k.undeliverableNoticeId, k.undeliverableReason]]),
    );
    expect(health).toEqual({
      [dead]: ["5.1.1", na.id, "permanent failure"],
      [gone]: ["5.1.1", nb.id, "permanent failure"],
      [live]: [null, null, null],
      [old]: ["5.1.1", nc.id, "permanent failure"],
    });
    // B had no one else: flagged. C was redirected: not flagged. Never a second redirect.
    const orgs = await prisma.organization.findMany({ where: { id: { in: [b.id, c.id] } } });
    expect(Object.fromEntries(orgs.map((o) => [o.name, o.noDeliverableContactNoticeId]))).toEqual({
      [b.name]: nb.id,
      [c.name]: null,
    });
    expect(await prisma.notice.count({ where: { redirectOf: { in: [na.id, nb.id, nc.id] } } })).toBe(1);
    expect(sink.mails.filter((m) => m.envelope.to.includes(fallback))).toHaveLength(1);

    // A second campaign to the same organizations addresses no dead contact.
    const second = await seedCampaign(ctx.db, { name: `bounces ${p} again` });
    const again = [a, b, c].map((o, i) => ({ ...o, hosts: [{ ...o.hosts[0]!, ip: `192.0.2.${11 + i}` }] }));
    await seedScenario(ctx.db, second, { orgs: again, unmatched: [] }, { registry: false });
    const sent = await sendCampaign(ctx, system, { id: second });
    expect(sent.skipped.map((s) => s.name).sort()).toEqual([b.name, c.name]);
    const next = await waitFor(() => prisma.notice.findFirst({ where: { campaignId: second, status: "sent" } }), {
      what: "second campaign's notice sent",
    });
    expect(next.recipients).toEqual([live]);
    expect(sink.mails.find((m) => m.parsed.messageId === next.messageId)!.envelope.to).toEqual([live]);

    // What staff read (the API's use cases): the campaign's counts, a notice's story, the contacts to fix.
    const listed = await listCampaignNotices(ctx, { campaignId, limit: 10, offset: 0 });
    expect(listed.delivery).toEqual({ delivered: 2, bounced: 2, redirected: 1, noContactLeft: 1 });
    const storyB = await noticeDelivery(ctx, campaignId, nb.id);
    expect([storyB.status, storyB.redirect, storyB.messages.map((m) => m.kind)]).toEqual(["bounced", null, ["bounce"]]);
    expect((await noticeDelivery(ctx, campaignId, nc.id)).redirect).toMatchObject({
      recipients: [fallback],
      status: "sent",
    });
    const toFix = (await listContactsToFix(ctx, { limit: 1000, offset: 0 })).contacts.filter((k) =>
      k.organization.name.startsWith(p),
    );
    expect(toFix.map((k) => k.email).sort()).toEqual([dead, gone, old]);
    const deadContact = contacts.find((k) => k.email === dead)!;
    const fixed = await markContactDeliverable(ctx, system, a.id, deadContact.id);
    expect([fixed.health.deliverable, fixed.health.temporaryFailures]).toEqual([true, 0]);
    expect((await listContactsToFix(ctx, { limit: 1000, offset: 0 })).contacts.map((k) => k.email)).not.toContain(dead);
  });
  it("redirects a bounced notice to the abuse contact of its hosts' network when staff set no fallback", async () => {
    const { ctx } = worker;
    const { prisma } = ctx.db;
    const p = `r${randomUUID().slice(0, 6)}`;
    const dead = `dead@d.${p}.example`;
    const isp = `abuse@isp.${p}.example`;
    const net = `10.${randomInt(0, 256)}.${randomInt(0, 256)}`;
    await importDump(ctx, [
      rpsl(["role", "ISP abuse"], ["nic-hdl", "IA1-RIPE"], ["abuse-mailbox", isp]),
      rpsl(["inetnum", `${net}.0 - ${net}.255`], ["netname", "ISP-NET"], ["country", "BE"], ["abuse-c", "IA1-RIPE"]),
    ]);
    const d = org(p, "D", [dead], `${net}.7`);
    const campaignId = await seedCampaign(ctx.db, { name: `ripe redirect ${p}` });
    await seedScenario(ctx.db, campaignId, { orgs: [d], unmatched: [] });
    sink.respondToRecipient = (address) =>
      address === dead ? { code: 550, message: `5.1.1 <${address}>: User unknown` } : undefined;

    await sendCampaign(ctx, system, { id: campaignId });
    const redirect = await waitFor(
      () => prisma.notice.findFirst({ where: { campaignId, status: "sent", redirectOf: { not: null } } }),
      { what: "D's redirect sent" },
    );
    expect(redirect.recipients).toEqual([isp]);
    const toIsp = sink.mails.filter((m) => m.envelope.to.includes(isp));
    expect(toIsp).toHaveLength(1);
    expect(toIsp[0]!.parsed.text).toContain(`${net}.7`);
  });
  it("reminds a bounced and redirected notice where it arrived, its redirect's recipient, once, never the dead address", async () => {
    const { ctx } = worker;
    const { prisma } = ctx.db;
    const p = `m${randomUUID().slice(0, 6)}`;
    const dead = `dead@e.${p}.example`;
    const fallback = `abuse@isp-e.${p}.example`;
    const gone = `gone@f.${p}.example`;
    const e = org(p, "E", [dead], "192.0.2.21");
    // F bounces too, with nowhere to go: no redirect sent, so no reminder either.
    const f = org(p, "F", [gone], "192.0.2.22");
    const campaignId = await seedCampaign(ctx.db, { name: `reminders after a redirect ${p}` });
    await seedScenario(ctx.db, campaignId, { orgs: [e, f], unmatched: [] });
    await prisma.organization.update({ where: { id: e.id }, data: { fallbackEmail: fallback } });
    sink.respondToRecipient = (address) =>
      address === dead || address === gone ? { code: 550, message: `5.1.1 <${address}>: User unknown` } : undefined;

    await sendCampaign(ctx, system, { id: campaignId });
    const redirect = await waitFor(
      () => prisma.notice.findFirst({ where: { campaignId, status: "sent", redirectOf: { not: null } } }),
      { what: "E's redirect sent" },
    );
    await waitFor(
      async () => (await prisma.notice.count({ where: { campaignId, redirectOf: null, status: "bounced" } })) === 2,
      { what: "both notices bounced" },
    );
    const bounced = await prisma.notice.findFirstOrThrow({
      where: { campaignId, organizationId: e.id, redirectOf: null },
    });
    expect(redirect.redirectOf).toBe(bounced.id);
    // A week on, nobody answered.
    await prisma.notice.updateMany({
      where: { campaignId },
      data: { createdAt: new Date(Date.now() - 8 * 24 * 3600_000) },
    });

    const round = await remindCampaign(ctx, system, { campaignId });
    expect(round).toMatchObject({ reminders: 1, skipped: { noLink: 1, tooRecent: 0, inactive: 0 } });
    const reminder = await prisma.notice.findUniqueOrThrow({ where: { id: round.noticeIds[0] } });
    // It repeats the bounced notice's link (the one the redirect carried), to the redirect's recipient only.
    expect(reminder).toMatchObject({
      kind: "reminder",
      organizationId: e.id,
      parentId: bounced.id,
      recipients: [fallback],
    });
    await waitFor(
      async () => (await prisma.notice.findUniqueOrThrow({ where: { id: reminder.id } })).status === "sent",
      { what: "the reminder sent" },
    );
    const toFallback = sink.mails.filter((m) => m.envelope.to.includes(fallback));
    expect(toFallback).toHaveLength(2);
    expect(toFallback[0]!.parsed.messageId).toBe(redirect.messageId);
    expect(toFallback[1]!.parsed.messageId).toMatch(new RegExp(`^<${reminder.id}@`));
    // In the fallback's mailbox the reminder follows the redirect, the mail it got.
    expect(toFallback[1]!.parsed.inReplyTo).toBe(redirect.messageId);
    expect(toFallback[1]!.parsed.text).toContain("192.0.2.21");
    expect(sink.mails.filter((m) => m.envelope.to.includes(dead) || m.envelope.to.includes(gone))).toEqual([]);

    // Another round at once finds it too recent: once.
    expect(await remindCampaign(ctx, system, { campaignId })).toMatchObject({
      reminders: 0,
      skipped: { tooRecent: 1, noLink: 1 },
    });
    expect(await prisma.notice.count({ where: { campaignId, kind: "reminder" } })).toBe(1);
  });
});
