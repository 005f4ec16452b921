import { AppError, notFound } from "@baken/core";
import { withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { recordAuditSql } from "./record-audit-sql.ts";
import { syncCampaignHosts, type SyncCampaignHostsResult } from "./sync-campaign-hosts.ts";

/**
 * Attaches a list to a campaign and folds its exposures into the campaign's hosts. A list belongs to one
 * campaign: attaching it to another is a 409 (its hosts are already tracked there).
 */
export async function attachList(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  listId: string,
  input: { campaignId: string },
): Promise<{ id: string; campaignId: string; campaignHosts: SyncCampaignHostsResult }> {
  return withTransaction(ctx.db.pool, async (client) => {
    const list = await client.query<{ campaignId: string | null }>(
      `SELECT "campaign_id" AS "campaignId" FROM "exposure_list" WHERE "id" = $1::uuid FOR UPDATE`,
      [listId],
    );
    if (!list.rows[0]) throw notFound("List");
    const current = list.rows[0].campaignId;
    if (current && current !== input.campaignId) {
      throw new AppError("conflict", `This list already belongs to campaign ${current}`, { campaignId: current });
    }
    const c = await client.query(`SELECT 1 FROM "campaign" WHERE "id" = $1::uuid`, [input.campaignId]);
    if (c.rowCount === 0)
      throw new AppError("validation", "campaignId: no such campaign", [
        { field: "campaignId", message: "no such campaign" },
      ]);
    await client.query(`UPDATE "exposure_list" SET "campaign_id" = $2::uuid WHERE "id" = $1::uuid`, [
      listId,
      input.campaignId,
    ]);
    const campaignHosts = await syncCampaignHosts(client, { campaignId: input.campaignId, listId });
    await recordAuditSql(client, actor, {
      action: "list.attach",
      subjectType: "exposure_list",
      subjectId: listId,
      details: { campaignId: input.campaignId, ...campaignHosts },
    });
    return { id: listId, campaignId: input.campaignId, campaignHosts };
  });
}
