import { notFound } from "@baken/core";
import { campaignExists, findSectorProgress } from "@baken/db";
import type { Ctx } from "../context.ts";

/** Per sector of the registry, where a campaign's hosts stand (organizations without a sector together). */
export async function listSectorProgress(ctx: Pick<Ctx, "db">, input: { campaignId: string }) {
  if (!(await campaignExists(ctx.db, input.campaignId))) throw notFound(`Campaign ${input.campaignId}`);
  const sectors = await findSectorProgress(ctx.db, input.campaignId);
  return sectors.map((s) => ({ ...s, lastAnswerAt: s.lastAnswerAt?.toISOString() ?? null }));
}
