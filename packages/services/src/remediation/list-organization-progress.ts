import { notFound } from "@baken/core";
import { campaignExists, findOrganizationProgress, type OrganizationProgressQuery } from "@baken/db";
import type { Ctx } from "../context.ts";

/** Per organization, where its hosts in a campaign stand: counted in the database, one page at a time. */
export async function listOrganizationProgress(
  ctx: Pick<Ctx, "db">,
  input: { campaignId: string } & OrganizationProgressQuery,
) {
  const { campaignId, ...query } = input;
  if (!(await campaignExists(ctx.db, campaignId))) throw notFound(`Campaign ${campaignId}`);
  const { total, items } = await findOrganizationProgress(ctx.db, campaignId, query);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    items: items.map((o) => ({ ...o, lastAnswerAt: o.lastAnswerAt?.toISOString() ?? null })),
  };
}
