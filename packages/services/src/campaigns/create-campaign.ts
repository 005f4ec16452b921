import type { CampaignInput } from "@baken/core";
import { insertCampaign, recordAudit, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { syncReminderSchedule } from "../remediation/reminder-schedule.ts";
import { campaignView } from "./campaign-view.ts";

export async function createCampaign(ctx: Pick<Ctx, "db" | "producer">, actor: Actor, input: CampaignInput) {
  const view = await withTransaction(ctx.db, async (tx) => {
    const campaign = await insertCampaign(tx, input);
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
