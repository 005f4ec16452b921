import { tokenHash } from "@baken/core";
import { findOwnerLink, type OwnerLink } from "@baken/db";
import type { Ctx } from "../context.ts";

export type { OwnerLink };

/**
 * The notice a link token opens, or null when the token is unknown, expired or revoked. Every token costs
 * the same work whatever it looks like (one hash, one indexed lookup with the validity in the query), so
 * the time taken does not tell a revoked or expired link from one that never existed. A notice without an
 * expiry is treated as expired: a link must end.
 */
export async function openOwnerLink(ctx: Pick<Ctx, "db">, input: { token: string }): Promise<OwnerLink | null> {
  return findOwnerLink(ctx.db, tokenHash(input.token));
}
