import { loadConfig } from "@baken/config";
import { findStillSeenHosts, remindCampaign, reminderSchedulerId } from "@baken/services";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "../helper.ts";
import { daysAgo, seedCampaign, seedHosts, seedNotice, seedOrganization, type HostSeed } from "./seed.ts";

const config = loadConfig();

describe("reminders and link revocation", () => {
  let app: App;
  let analyst: TestStaff;
  let viewer: TestStaff;
  const prisma = () => app.ctx.db.prisma;
  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
    viewer = await signIn(app, "viewer");
  });
  afterAll(() => app.close());

  // No worker runs here: take the delivery jobs back out so no later test's worker sends them.
  const dropDeliveries = async (noticeIds: string[]) => {
    for (const id of noticeIds) await app.ctx.producer.queue("notices").remove(id);
  };

  /** One organization of the campaign with its initial notice and hosts. */
  async function org(
    campaignId: string,
    hosts: HostSeed[],
    opts: {
      sentDaysAgo?: number;
      revoked?: boolean;
      status?: "queued" | "sent";
      active?: boolean;
      expiresInDays?: number;
    } = {},
  ) {
    const organization = await seedOrganization(prisma(), { active: opts.active, language: "nl" });
    const { notice } = await seedNotice(prisma(), config, {
      campaignId,
      organizationId: organization.id,
      language: "nl",
      createdAt: daysAgo(opts.sentDaysAgo ?? 10),
      revokedAt: opts.revoked ? daysAgo(1) : undefined,
      status: opts.status,
      expiresAt: opts.expiresInDays ? daysAgo(-opts.expiresInDays) : undefined,
    });
    const seeded = await seedHosts(
      prisma(),
      { campaignId, organizationId: organization.id, noticeId: notice.id, notifiedAt: daysAgo(opts.sentDaysAgo ?? 10) },
      hosts,
    );
    return { organization, notice, hosts: seeded };
  }

  it("reminds only organizations with hosts still seen and no recent notice, once", async () => {
    const campaign = await seedCampaign(prisma());
    const unanswered = await org(campaign.id, [{}, {}], { expiresInDays: 5 });
    const stillSeen = await org(campaign.id, [
      { state: "remediated", answer: "patched", answeredAt: daysAgo(5), lastSeenAt: daysAgo(1) },
      { state: "remediated", answer: "patched", answeredAt: daysAgo(5), lastSeenAt: daysAgo(9) },
      // claimed fixed, then gone, then back in a later list: notified again, still claimed fixed
      { state: "notified", answer: "mitigated", answeredAt: daysAgo(6), lastSeenAt: daysAgo(1) },
    ]);
    await org(campaign.id, [
      { answer: "investigating", answeredAt: daysAgo(3) },
      { answer: "needs_help", answeredAt: daysAgo(3) },
    ]);
    await org(campaign.id, [
      { state: "gone", goneAt: daysAgo(2) },
      { state: "not_ours", answer: "false_positive", answeredAt: daysAgo(4) },
    ]);
    const recent = await org(campaign.id, [{}], { sentDaysAgo: 2 });
    await org(campaign.id, [{}], { revoked: true });
    await org(campaign.id, [{}], { status: "queued" });
    await org(campaign.id, [{}], { active: false });
    const remindedLately = await org(campaign.id, [{}]);
    await prisma().notice.create({
      data: {
        reference: `BAKEN#20261101-${randomUUID().replace(/\D/g, "").slice(0, 9).padEnd(9, "7")}`,
        campaignId: campaign.id,
        organizationId: remindedLately.organization.id,
        kind: "reminder",
        parentId: remindedLately.notice.id,
        language: "nl",
        status: "sent",
        createdAt: daysAgo(3),
      },
    });

    const res = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaign.id}/remind`,
      headers: bearer(analyst),
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ reminders: 2, hosts: 4, skipped: { tooRecent: 2, noLink: 2, inactive: 1 } });

    const reminders = await prisma().notice.findMany({ where: { id: { in: body.noticeIds } } });
    expect(
      reminders.map((n) => [n.kind, n.organizationId, n.parentId, n.hostCount, n.language, n.status]).sort(),
    ).toEqual(
      [
        ["reminder", unanswered.organization.id, unanswered.notice.id, 2, "nl", "queued"],
        ["reminder", stillSeen.organization.id, stillSeen.notice.id, 2, "nl", "queued"],
      ].sort(),
    );
    for (const r of reminders) {
      expect(r.reference).toMatch(/^BAKEN#\d{8}-\d{8,}$/);
      expect(r.recipients).toEqual(["abuse@example.test"]);
      expect(r.tokenHash).toBeNull();
    }
    // The reminder repeats the initial notice's link, which must outlive it: its expiry moved out.
    const parent = await prisma().notice.findUniqueOrThrow({ where: { id: unanswered.notice.id } });
    expect(parent.tokenExpiresAt!.getTime()).toBeGreaterThan(
      Date.now() + (config.notices.tokenTtlDays - 1) * 24 * 3600 * 1000,
    );
    // What the reminder mail lists: the hosts still seen after the claim, not the one gone quiet.
    const listed = await findStillSeenHosts(app.ctx, {
      campaignId: campaign.id,
      organizationId: stillSeen.organization.id,
    });
    expect(listed.map((h) => [h.id, h.claimedFixed]).sort()).toEqual([
      [stillSeen.hosts[0]!.id, true],
      [stillSeen.hosts[2]!.id, true],
    ]);
    const unansweredListed = await findStillSeenHosts(app.ctx, {
      campaignId: campaign.id,
      organizationId: unanswered.organization.id,
    });
    expect(unansweredListed.map((h) => [h.id, h.claimedFixed])).toEqual(unanswered.hosts.map((h) => [h.id, false]));

    const jobs = await Promise.all(body.noticeIds.map((id: string) => app.ctx.producer.queue("notices").getJob(id)));
    expect(jobs.map((j) => [j?.name, j?.data])).toEqual(
      body.noticeIds.map((noticeId: string) => ["deliver-notice", { noticeId }]),
    );
    await dropDeliveries(body.noticeIds);

    const audit = await prisma().auditEvent.findFirst({ where: { action: "campaign.remind", subjectId: campaign.id } });
    expect(audit).toMatchObject({ actorId: analyst.id, details: { reminders: 2, hosts: 4 } });

    const again = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaign.id}/remind`,
      headers: bearer(analyst),
      payload: {},
    });
    expect(again.json()).toMatchObject({ reminders: 0, skipped: { tooRecent: 4 } });

    // A shorter minimum age reaches the organization notified two days ago, and only it.
    const sooner = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaign.id}/remind`,
      headers: bearer(analyst),
      payload: { minAgeDays: 2 },
    });
    expect(sooner.json()).toMatchObject({ reminders: 2 });
    const soonerNotices = await prisma().notice.findMany({ where: { id: { in: sooner.json().noticeIds } } });
    expect(soonerNotices.map((n) => n.organizationId).sort()).toEqual(
      [recent.organization.id, remindedLately.organization.id].sort(),
    );
    await dropDeliveries(sooner.json().noticeIds);
  });

  it("follows a resend: the reminder goes to the corrected recipients only, with the link, once", async () => {
    const campaign = await seedCampaign(prisma());
    // The original went to a wrong address (the relay refused it for good); another was sent and reached.
    const failed = await org(campaign.id, [{}, {}]);
    const delivered = await org(campaign.id, [{}]);
    await app.ctx.db.pool.query(`UPDATE notice SET status = 'failed', sent_at = NULL WHERE id = $1`, [
      failed.notice.id,
    ]);
    const resendOf = async (noticeId: string, to: string) => {
      const res = await app.inject({
        method: "POST",
        url: `/api/notices/${noticeId}/resend`,
        headers: bearer(analyst),
        payload: { recipients: [to] },
      });
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().id as string;
      await dropDeliveries([id]);
      // Delivered a week ago, as the worker records it.
      await app.ctx.db.pool.query(
        `UPDATE notice SET status = 'sent', sent_at = now() - interval '8 days', created_at = now() - interval '8 days'
          WHERE id = $1`,
        [id],
      );
      return id;
    };
    await resendOf(failed.notice.id, "soc@corrected.example");
    await resendOf(delivered.notice.id, "cert@second.example");

    const round = await remindCampaign(app.ctx, { id: null }, { campaignId: campaign.id });
    expect(round).toMatchObject({ reminders: 2, hosts: 3, skipped: { tooRecent: 0, noLink: 0, inactive: 0 } });
    await dropDeliveries(round.noticeIds);
    const reminders = await prisma().notice.findMany({ where: { id: { in: round.noticeIds } } });
    // The link stays the original's (the resend repeated it); the recipients are the resend's, only.
    expect(reminders.map((n) => [n.organizationId, n.parentId, n.recipients, n.hostCount]).sort()).toEqual(
      [
        [failed.organization.id, failed.notice.id, ["soc@corrected.example"], 2],
        [delivered.organization.id, delivered.notice.id, ["cert@second.example"], 1],
      ].sort(),
    );
    for (const id of round.noticeIds) {
      const detail = (await app.inject({ url: `/api/notices/${id}`, headers: bearer(viewer) })).json();
      expect(detail.mail.text).toContain("/r/");
      expect(JSON.stringify(detail)).not.toContain("abuse@example.test");
    }

    // Never twice: the next round finds them reminded.
    const again = await remindCampaign(app.ctx, { id: null }, { campaignId: campaign.id });
    expect(again).toMatchObject({ reminders: 0, skipped: { tooRecent: 2 } });
    const all = await prisma().notice.findMany({ where: { campaignId: campaign.id, kind: "reminder" } });
    expect(all).toHaveLength(2);
  });

  it("never makes two reminders for one round, even when two calls race", async () => {
    const campaign = await seedCampaign(prisma());
    const orgs = await Promise.all([org(campaign.id, [{}]), org(campaign.id, [{}, {}]), org(campaign.id, [{}])]);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => remindCampaign(app.ctx, { id: analyst.id }, { campaignId: campaign.id })),
    );
    expect(results.map((r) => r.reminders).sort()).toEqual([0, 0, 0, 3]);
    const perOrg = await prisma().notice.groupBy({
      by: ["organizationId"],
      where: { campaignId: campaign.id, kind: "reminder" },
      _count: true,
    });
    expect(perOrg.map((g) => g._count)).toEqual([1, 1, 1]);
    expect(perOrg.map((g) => g.organizationId).sort()).toEqual(orgs.map((o) => o.organization.id).sort());
    // A minimum age of 0 still means at most one round a day.
    const zero = await remindCampaign(app.ctx, { id: analyst.id }, { campaignId: campaign.id, minAgeDays: 0 });
    expect(zero.reminders).toBe(0);
    await dropDeliveries(results.flatMap((r) => r.noticeIds));
  });

  it("needs an analyst and a campaign that exists", async () => {
    const campaign = await seedCampaign(prisma());
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/campaigns/${campaign.id}/remind`,
          headers: bearer(viewer),
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
    const missing = await app.inject({
      method: "POST",
      url: `/api/campaigns/${randomUUID()}/remind`,
      headers: bearer(analyst),
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
    const bad = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaign.id}/remind`,
      headers: bearer(analyst),
      payload: { minAgeDays: -1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it("schedules reminder rounds per campaign with one stable job scheduler, and stops them", async () => {
    const campaign = await seedCampaign(prisma());
    const queue = app.ctx.producer.queue("schedule");
    const url = `/api/campaigns/${campaign.id}/reminder-schedule`;
    const on = await app.inject({ method: "PUT", url, headers: bearer(analyst), payload: { everyDays: 7 } });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toEqual({ everyDays: 7 });
    await app.inject({ method: "PUT", url, headers: bearer(analyst), payload: { everyDays: 3 } });
    const schedulers = (await queue.getJobSchedulers()).filter((s) => s.key === reminderSchedulerId(campaign.id));
    expect(schedulers).toHaveLength(1);
    expect(Number(schedulers[0]!.every)).toBe(3 * 24 * 3600 * 1000);
    expect(schedulers[0]!.template?.data).toEqual({ campaignId: campaign.id });
    expect((await prisma().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).reminderEveryDays).toBe(3);

    const off = await app.inject({ method: "PUT", url, headers: bearer(analyst), payload: { everyDays: null } });
    expect(off.json()).toEqual({ everyDays: null });
    expect(await queue.getJobScheduler(reminderSchedulerId(campaign.id))).toBeFalsy();
    const audit = await prisma().auditEvent.findMany({
      where: { action: "campaign.reminder_schedule", subjectId: campaign.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => (a.details as { everyDays: number | null }).everyDays)).toEqual([7, 3, null]);
    // Scheduling adds the first round to the queue: take it out, no worker runs here.
    await queue.drain(true);
  });

  it("keeps the schedule in step when the campaign's interval is set on create or edit", async () => {
    const queue = app.ctx.producer.queue("schedule");
    const created = await app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Scheduled ${randomUUID()}`, reminderEveryDays: 10 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(Number((await queue.getJobScheduler(reminderSchedulerId(id)))?.every)).toBe(10 * 24 * 3600 * 1000);

    const patch = (reminderEveryDays: number | null) =>
      app.inject({
        method: "PATCH",
        url: `/api/campaigns/${id}`,
        headers: bearer(analyst),
        payload: { reminderEveryDays },
      });
    expect((await patch(5)).statusCode).toBe(200);
    const schedulers = (await queue.getJobSchedulers()).filter((s) => s.key === reminderSchedulerId(id));
    expect(schedulers.map((s) => Number(s.every))).toEqual([5 * 24 * 3600 * 1000]);
    expect((await patch(null)).statusCode).toBe(200);
    expect(await queue.getJobScheduler(reminderSchedulerId(id))).toBeFalsy();
    await queue.drain(true);
  });

  it("ends the link at once (the page says it is not valid), audited, and is harmless twice", async () => {
    const prisma = app.ctx.db.prisma;
    const campaign = await seedCampaign(prisma);
    const organization = await seedOrganization(prisma);
    const { notice, token } = await seedNotice(prisma, config, {
      campaignId: campaign.id,
      organizationId: organization.id,
    });
    await seedHosts(prisma, { campaignId: campaign.id, organizationId: organization.id, noticeId: notice.id }, [{}]);
    expect((await app.inject({ url: `/r/${token}` })).statusCode).toBe(200);

    const url = `/api/campaigns/${campaign.id}/notices/${notice.id}/revoke`;
    const res = await app.inject({ method: "POST", url, headers: bearer(analyst) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ noticeId: notice.id, linkNoticeId: notice.id, alreadyRevoked: false });
    expect((await app.inject({ url: `/r/${token}` })).statusCode).toBe(404);
    const twice = await app.inject({ method: "POST", url, headers: bearer(analyst) });
    expect(twice.json()).toMatchObject({ alreadyRevoked: true, revokedAt: res.json().revokedAt });
    const audit = await prisma.auditEvent.findMany({ where: { action: "notice.revoke_link", subjectId: notice.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(analyst.id);
  });

  it("revokes the link a reminder carries, and only within the notice's campaign", async () => {
    const prisma = app.ctx.db.prisma;
    const campaign = await seedCampaign(prisma);
    const organization = await seedOrganization(prisma);
    const { notice, token } = await seedNotice(prisma, config, {
      campaignId: campaign.id,
      organizationId: organization.id,
    });
    const reminder = await prisma.notice.create({
      data: {
        reference: `BAKEN#20261101-${String(Date.now()).slice(-9)}`,
        campaignId: campaign.id,
        organizationId: organization.id,
        kind: "reminder",
        parentId: notice.id,
        language: "en",
      },
    });
    const elsewhere = await seedCampaign(prisma);
    const wrong = await app.inject({
      method: "POST",
      url: `/api/campaigns/${elsewhere.id}/notices/${reminder.id}/revoke`,
      headers: bearer(analyst),
    });
    expect(wrong.statusCode).toBe(404);
    const res = await app.inject({
      method: "POST",
      url: `/api/campaigns/${campaign.id}/notices/${reminder.id}/revoke`,
      headers: bearer(analyst),
    });
    expect(res.json()).toMatchObject({ noticeId: reminder.id, linkNoticeId: notice.id, alreadyRevoked: false });
    expect((await app.inject({ url: `/r/${token}` })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/campaigns/${campaign.id}/notices/${notice.id}/revoke`,
          headers: bearer(viewer),
        })
      ).statusCode,
    ).toBe(403);
  });
});
