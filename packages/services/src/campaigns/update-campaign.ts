import { notFound, type CampaignPatch } from "@baken/core";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";
import { syncReminderSchedule } from "../remediation/reminder-schedule.ts";
import { campaignView } from "./campaign-view.ts";

/** Changes apply to notices rendered from now on (queued ones included): a notice is rendered when sent. */
export async function updateCampaign(
  ctx: Pick<Ctx, "db" | "producer">,
  actor: Actor,
  input: { id: string; patch: CampaignPatch },
) {
  const view = await ctx.db.prisma.$transaction(async (tx) => {
    if (!(await tx.campaign.findUnique({ where: { id: input.id }, select: { id: true } }))) throw notFound("Campaign");
    const campaign = await tx.campaign.update({ where: { id: input.id }, data: input.patch });
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
