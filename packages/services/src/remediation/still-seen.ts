import { findStillSeenHosts as findStillSeen, type StillSeenHost } from "@baken/db";
import type { Ctx } from "../context.ts";

/** The hosts a reminder to this organization lists (what is still seen), in the notice's order. */
export async function findStillSeenHosts(
  ctx: Pick<Ctx, "db">,
  input: { campaignId: string; organizationId: string },
): Promise<StillSeenHost[]> {
  return findStillSeen(ctx.db, input);
}
