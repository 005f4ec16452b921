import { AppError, listDeletionRefusal, notFound, type ListDeletionPlan } from "@baken/core";
import {
  deleteListRow,
  findListCampaign,
  findListDeletionPlan,
  lockCampaignSend,
  lockList,
  recordAudit,
  releaseListHosts,
  syncCampaignHosts,
  withTransaction,
  type StoredListDeletionPlan,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/** What deleting a list would do, and why it would be refused (null: it would not). */
export type ListDeletionPreview = ListDeletionPlan & { refusal: string | null };

const shown = (plan: StoredListDeletionPlan): ListDeletionPlan => {
  if (!plan.campaign) return plan;
  const { otherListIds: _, ...campaign } = plan.campaign;
  return { ...plan, campaign };
};

export async function previewListDeletion(ctx: Pick<Ctx, "db">, id: string): Promise<ListDeletionPreview> {
  const plan = await findListDeletionPlan(ctx.db, id);
  if (!plan) throw notFound("List");
  return { ...shown(plan), refusal: listDeletionRefusal(plan) };
}

/**
 * Deletes a list, its rows (a big list's table with them) and row errors, and takes it out of its
 * campaign without touching the campaign's history (packages/core's listDeletionRefusal has the cases
 * refused with a 409): hosts only this list saw that no notice named leave the campaign; hosts another of
 * its lists saw get the newest of those as their last list. When the list was the newest of a campaign that
 * has sent nothing, the next newest settles the campaign's hosts again (gone or not), as if it had been last.
 * `retentionDays`: deleted by the retention sweep (LIST_RETENTION_DAYS), which the audit event says.
 */
export async function deleteList(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { id: string; retentionDays?: number },
): Promise<ListDeletionPlan> {
  return withTransaction(ctx.db, async (tx) => {
    const seen = await findListCampaign(tx, input.id);
    if (!seen) throw notFound("List");
    // No send may notify the hosts about to leave: the send's lock first, then the list's row.
    if (seen.campaignId) await lockCampaignSend(tx, seen.campaignId);
    const list = await lockList(tx, input.id);
    if (!list) throw notFound("List");
    if (list.campaignId !== seen.campaignId) {
      throw new AppError("conflict", "The list was attached to a campaign meanwhile; nothing was deleted, try again");
    }
    const plan = (await findListDeletionPlan(tx, input.id))!;
    const refusal = listDeletionRefusal(plan);
    if (refusal) throw new AppError("conflict", refusal, { ...shown(plan) });
    const c = plan.campaign;
    if (c) await releaseListHosts(tx, { listId: input.id, campaignId: c.id, otherListIds: c.otherListIds });
    await deleteListRow(tx, input.id);
    const next = c?.newest ? c.otherListIds[0] : undefined;
    if (c && next) await syncCampaignHosts(tx, { campaignId: c.id, listId: next });
    await recordAudit(tx, actor, {
      action: "list.delete",
      subjectType: "exposure_list",
      subjectId: input.id,
      details: {
        fileName: plan.fileName,
        exposures: plan.exposures,
        ...(c && { campaignId: c.id, hostsLeaving: c.hostsLeaving, hostsRelinked: c.hostsRelinked }),
        ...(input.retentionDays !== undefined && { retentionDays: input.retentionDays }),
      },
    });
    return shown(plan);
  });
}
