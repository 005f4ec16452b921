import { apiTokenId, apiTokenMatches, lesserRole } from "@baken/core";
import { findApiTokenCredential, recordApiTokenUse } from "@baken/db";
import type { Ctx } from "../context.ts";
import type { StaffIdentity } from "../staff/authenticate-staff.ts";

/** How often a token's last use (time and address) is written at most. */
export const API_TOKEN_USE_EVERY_SECONDS = 60;

export type TokenIdentity = {
  /** The token's creator, with the lesser of the token's role and the creator's role now. */
  staff: StaffIdentity;
  token: { id: string; name: string };
};

/**
 * The identity an API token acts as, or null: a malformed, unknown, revoked or expired token, or one whose
 * creator is disabled, all get the same null (and the caller the same 401). The token is found by the id it
 * carries, then its hash compared in constant time; a malformed one costs no query.
 */
export async function authenticateApiToken(
  ctx: Pick<Ctx, "db">,
  input: { token: string; ip: string },
): Promise<TokenIdentity | null> {
  const id = apiTokenId(input.token);
  if (!id) return null;
  const found = await findApiTokenCredential(ctx.db, id);
  if (!found || !apiTokenMatches(input.token, found.tokenHash)) return null;
  const now = Date.now();
  if (found.revokedAt || found.expiresAt.getTime() <= now || !found.creator.active) return null;
  if (!found.lastUsedAt || now - found.lastUsedAt.getTime() >= API_TOKEN_USE_EVERY_SECONDS * 1000) {
    await recordApiTokenUse(ctx.db, id, input.ip, API_TOKEN_USE_EVERY_SECONDS);
  }
  const { creator } = found;
  return {
    staff: {
      id: creator.id,
      email: creator.email,
      name: creator.name,
      role: lesserRole(found.role, creator.role),
    },
    token: { id: found.id, name: found.name },
  };
}
