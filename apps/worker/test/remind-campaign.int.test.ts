import { loadConfig } from "@baken/config";
import { reminderSchedulerId, setReminderSchedule } from "@baken/services";
import { SmtpSink, waitFor } from "@baken/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daysAgo, seedCampaign, seedNotified } from "../../api/test/remediation/seed.ts";
import { startTestWorker } from "./helper.ts";

describe("scheduled reminder rounds (remind-campaign)", () => {
  let sink: SmtpSink;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const config = loadConfig();
  beforeAll(async () => {
    sink = await new SmtpSink().start();
    worker = await startTestWorker(sink.url);
  });
  afterAll(async () => {
    await worker?.close();
    await sink?.stop();
  });

  it("runs a reminder round as the system when the campaign's schedule fires", async () => {
    const { ctx } = worker;
    const { campaign, notice, organization } = await seedNotified(ctx.db.prisma, config, {
      noticeCreatedAt: daysAgo(10),
    });
    await setReminderSchedule(ctx, { id: null }, { campaignId: campaign.id, everyDays: 7 });

    const reminder = await waitFor(
      () => ctx.db.prisma.notice.findFirst({ where: { campaignId: campaign.id, kind: "reminder" } }),
      { what: "the scheduled reminder" },
    );
    expect(reminder).toMatchObject({ organizationId: organization.id, parentId: notice.id, hostCount: 2 });
    const audit = await ctx.db.prisma.auditEvent.findFirst({
      where: { action: "campaign.remind", subjectId: campaign.id },
    });
    expect(audit).toMatchObject({ actorId: null, details: { reminders: 1, by: "schedule" } });

    await setReminderSchedule(ctx, { id: null }, { campaignId: campaign.id, everyDays: null });
    expect(await ctx.producer.queue("schedule").getJobScheduler(reminderSchedulerId(campaign.id))).toBeFalsy();
    await ctx.producer.queue("notices").remove(reminder.id);
  });

  it("drops the schedule of a campaign deleted since", async () => {
    const { ctx } = worker;
    const campaign = await seedCampaign(ctx.db.prisma);
    await ctx.db.prisma.campaign.delete({ where: { id: campaign.id } });
    const queue = ctx.producer.queue("schedule");
    await queue.upsertJobScheduler(
      reminderSchedulerId(campaign.id),
      { every: 24 * 3600 * 1000 },
      { name: "remind-campaign", data: { campaignId: campaign.id } },
    );
    expect(await queue.getJobScheduler(reminderSchedulerId(campaign.id))).toBeTruthy();
    await waitFor(async () => !(await queue.getJobScheduler(reminderSchedulerId(campaign.id))), {
      what: "the schedule to be removed",
    });
  });
});
