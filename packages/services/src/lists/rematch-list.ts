import { notFound } from "@baken/core";
import { withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { getMatcher } from "../registry/load-matcher.ts";
import { recordAuditSql } from "./record-audit-sql.ts";
import { rematchRows } from "./rematch-rows.ts";
import { syncCampaignHosts, type SyncCampaignHostsResult } from "./sync-campaign-hosts.ts";

export type RematchResult = {
  id: string;
  exposures: number;
  changed: number;
  campaignHosts: SyncCampaignHostsResult | null;
};

/** Matches a stored list again against the registry as it is now (one call after the registry changed). */
export async function rematchList(ctx: Pick<Ctx, "db">, actor: Actor, listId: string): Promise<RematchResult> {
  const matcher = await getMatcher(ctx);
  return withTransaction(ctx.db.pool, async (client) => {
    const list = await client.query<{ campaignId: string | null }>(
      `SELECT "campaign_id" AS "campaignId" FROM "exposure_list" WHERE "id" = $1::uuid FOR UPDATE`,
      [listId],
    );
    if (!list.rows[0]) throw notFound("List");
    const { exposures, changed } = await rematchRows(client, listId, matcher);
    const campaignId = list.rows[0].campaignId;
    const campaignHosts = campaignId ? await syncCampaignHosts(client, { campaignId, listId }) : null;
    await recordAuditSql(client, actor, {
      action: "list.rematch",
      subjectType: "exposure_list",
      subjectId: listId,
      details: { exposures, changed },
    });
    return { id: listId, exposures, changed, campaignHosts };
  });
}
