import { AppError } from "@baken/core";
import { campaignExists, findCampaignHosts, type HostFilter } from "@baken/db";
import type { Ctx } from "../context.ts";

/** A campaign's hosts for follow-up, filtered and paged, flagged first, then by organization and address. */
export async function listCampaignHosts(ctx: Pick<Ctx, "db">, f: HostFilter) {
  if (!(await campaignExists(ctx.db, f.campaignId))) {
    throw new AppError("not_found", `Campaign ${f.campaignId} not found`);
  }
  const { hosts, total } = await findCampaignHosts(ctx.db, f);
  return { page: f.page, pageSize: f.pageSize, total, hosts };
}
