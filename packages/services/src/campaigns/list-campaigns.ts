import { findCampaigns } from "@baken/db";
import type { Ctx } from "../context.ts";
import { campaignView } from "./campaign-view.ts";

/** Newest first, with how many hosts and notices each has. */
export async function listCampaigns(ctx: Pick<Ctx, "db">, input: { limit: number; offset: number }) {
  const { total, campaigns } = await findCampaigns(ctx.db, input);
  return {
    total,
    campaigns: campaigns.map((c) => ({
      ...campaignView(c),
      counts: { lists: c._count.lists, hosts: c._count.hosts, notices: c._count.notices },
    })),
  };
}
