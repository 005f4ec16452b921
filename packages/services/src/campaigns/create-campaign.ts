import type { CampaignInput } from "@baken/core";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";
import { syncReminderSchedule } from "../remediation/reminder-schedule.ts";
import { campaignView } from "./campaign-view.ts";

export async function createCampaign(ctx: Pick<Ctx, "db" | "producer">, actor: Actor, input: CampaignInput) {
  const view = await ctx.db.prisma.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({ data: input });
    await recordAudit(tx, actor, {
      action: "campaign.create",
      subjectType: "campaign",
      subjectId: campaign.id,
      details: { name: campaign.name, tlp: campaign.tlp, cves: campaign.cves },
    });
    return campaignView(campaign);
  });
  if (input.reminderEveryDays) await syncReminderSchedule(ctx, view.id);
  return view;
}
