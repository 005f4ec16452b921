import { notFound } from "@baken/core";
import {
  lockList,
  recordAudit,
  rematchRows,
  syncCampaignHosts,
  withTransaction,
  type SyncCampaignHostsResult,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { getMatcher } from "../registry/load-matcher.ts";

export type RematchResult = {
  id: string;
  exposures: number;
  changed: number;
  campaignHosts: SyncCampaignHostsResult | null;
};

/** Matches a stored list again against the registry as it is now (one call after the registry changed). */
export async function rematchList(ctx: Pick<Ctx, "db">, actor: Actor, listId: string): Promise<RematchResult> {
  const matcher = await getMatcher(ctx);
  return withTransaction(ctx.db, async (tx) => {
    const list = await lockList(tx, listId);
    if (!list) throw notFound("List");
    const { exposures, changed } = await rematchRows(tx, listId, matcher);
    const campaignId = list.campaignId;
    const campaignHosts = campaignId ? await syncCampaignHosts(tx, { campaignId, listId }) : null;
    await recordAudit(tx, actor, {
      action: "list.rematch",
      subjectType: "exposure_list",
      subjectId: listId,
      details: { exposures, changed },
    });
    return { id: listId, exposures, changed, campaignHosts };
  });
}
