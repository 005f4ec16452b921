import { findOwnerView, type OwnerLink } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * What the owner's page shows: the campaign and this organization's hosts of it, nothing of any other
 * organization (the hosts are selected by the notice's organization, never by anything the browser sends).
 */
export async function getOwnerView(ctx: Pick<Ctx, "db">, link: OwnerLink) {
  return { link, ...(await findOwnerView(ctx.db, link)) };
}

export type OwnerView = Awaited<ReturnType<typeof getOwnerView>>;
