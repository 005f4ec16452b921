import { AppError, notFound } from "@baken/core";
import {
  campaignExists,
  lockList,
  recordAudit,
  setListCampaign,
  syncCampaignHosts,
  withTransaction,
  type SyncCampaignHostsResult,
} from "@baken/db";
import { classifyFromList } from "../campaigns/classify-from-list.ts";
import type { Actor, Ctx } from "../context.ts";

/**
 * Attaches a list to a campaign and folds its exposures into the campaign's hosts. A list belongs to one
 * campaign: attaching it to another is a 409 (its hosts are already tracked there). A campaign not classified
 * yet takes the list's classification.
 */
export async function attachList(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  listId: string,
  input: { campaignId: string },
): Promise<{ id: string; campaignId: string; campaignHosts: SyncCampaignHostsResult }> {
  return withTransaction(ctx.db, async (tx) => {
    const list = await lockList(tx, listId);
    if (!list) throw notFound("List");
    const current = list.campaignId;
    if (current && current !== input.campaignId) {
      throw new AppError("conflict", `This list already belongs to campaign ${current}`, { campaignId: current });
    }
    if (!(await campaignExists(tx, input.campaignId)))
      throw new AppError("validation", "campaignId: no such campaign", [
        { field: "campaignId", message: "no such campaign" },
      ]);
    await setListCampaign(tx, listId, input.campaignId);
    const campaignHosts = await syncCampaignHosts(tx, { campaignId: input.campaignId, listId });
    const { reportType, classification } = list;
    await classifyFromList(tx, actor, { campaignId: input.campaignId, listId, reportType, classification });
    await recordAudit(tx, actor, {
      action: "list.attach",
      subjectType: "exposure_list",
      subjectId: listId,
      details: { campaignId: input.campaignId, ...campaignHosts },
    });
    return { id: listId, campaignId: input.campaignId, campaignHosts };
  });
}
