import type { CampaignInput } from "@baken/core";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";
import { campaignView } from "./campaign-view.ts";

export async function createCampaign(ctx: Pick<Ctx, "db">, actor: Actor, input: CampaignInput) {
  return ctx.db.prisma.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({ data: input });
    await recordAudit(tx, actor, {
      action: "campaign.create",
      subjectType: "campaign",
      subjectId: campaign.id,
      details: { name: campaign.name, tlp: campaign.tlp, cves: campaign.cves },
    });
    return campaignView(campaign);
  });
}
