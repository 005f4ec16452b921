import { notFound, type CampaignPatch } from "@baken/core";
import { recordAudit, updateCampaign as updateCampaignRow, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { syncReminderSchedule } from "../remediation/reminder-schedule.ts";
import { campaignView } from "./campaign-view.ts";

/** Changes apply to notices rendered from now on (queued ones included): a notice is rendered when sent. */
export async function updateCampaign(
  ctx: Pick<Ctx, "db" | "producer">,
  actor: Actor,
  input: { id: string; patch: CampaignPatch },
) {
  const view = await withTransaction(ctx.db, async (tx) => {
    const campaign = await updateCampaignRow(tx, input.id, input.patch);
    if (!campaign) throw notFound("Campaign");
    await recordAudit(tx, actor, {
      action: "campaign.update",
      subjectType: "campaign",
      subjectId: campaign.id,
      details: { fields: Object.keys(input.patch) },
    });
    return campaignView(campaign);
  });
  // After the commit: the repeatable job reads the interval from the row.
  if ("reminderEveryDays" in input.patch) await syncReminderSchedule(ctx, input.id);
  return view;
}
