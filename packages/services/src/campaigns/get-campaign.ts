import { HOST_STATES, notFound, NOTICE_STATUSES, type HostState, type NoticeStatus } from "@baken/core";
import { findCampaignDetail } from "@baken/db";
import type { Ctx } from "../context.ts";
import { coverageOf } from "../lists/coverage.ts";
import { campaignView } from "./campaign-view.ts";

/**
 * A campaign with its lists, where its hosts and notices stand, and its coverage: hosts reaching a
 * registered organization, an abuse contact (by source), nobody.
 */
export async function getCampaign(ctx: Pick<Ctx, "db">, input: { id: string }) {
  const found = await findCampaignDetail(ctx.db, input.id);
  if (!found) throw notFound("Campaign");
  const { campaign, hostsByState, unmatched, noticesByStatus, reasons } = found;
  return {
    ...campaignView(campaign),
    lists: campaign.lists.map((l) => ({ ...l, createdAt: l.createdAt.toISOString() })),
    hosts: {
      ...Object.fromEntries(HOST_STATES.map((s) => [s, hostsByState.get(s) ?? 0])),
      unmatched,
    } as Record<HostState | "unmatched", number>,
    coverage: coverageOf(reasons).coverage,
    notices: Object.fromEntries(NOTICE_STATUSES.map((s) => [s, noticesByStatus.get(s) ?? 0])) as Record<
      NoticeStatus,
      number
    >,
  };
}
