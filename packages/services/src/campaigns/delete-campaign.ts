import { AppError, notFound } from "@baken/core";
import {
  countCampaignNotices,
  deleteCampaign as deleteCampaignRow,
  findCampaign,
  recordAudit,
  withTransaction,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/** Only a campaign that has notified no one can go: notices and their links must stay traceable. */
export async function deleteCampaign(ctx: Pick<Ctx, "db">, actor: Actor, input: { id: string }) {
  await withTransaction(ctx.db, async (tx) => {
    const campaign = await findCampaign(tx, input.id);
    if (!campaign) throw notFound("Campaign");
    const notices = await countCampaignNotices(tx, input.id);
    if (notices > 0) {
      throw new AppError("conflict", `Campaign "${campaign.name}" has ${notices} notices and cannot be deleted`);
    }
    await deleteCampaignRow(tx, input.id);
    await recordAudit(tx, actor, {
      action: "campaign.delete",
      subjectType: "campaign",
      subjectId: input.id,
      details: { name: campaign.name },
    });
  });
}
