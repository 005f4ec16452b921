import { notFound } from "@baken/core";
import { recordAudit, revokeApiToken as revokeApiTokenRow, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/**
 * Revokes a token: its next request gets a 401 (every request reads the token's row). Revoking it again
 * changes nothing; the token stays listed, so what it did keeps its name in the audit trail.
 */
export async function revokeApiToken(ctx: Pick<Ctx, "db">, actor: Actor, input: { id: string }) {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await revokeApiTokenRow(tx, input.id, actor.id))) throw notFound("API token");
    await recordAudit(tx, actor, { action: "api_token.revoke", subjectType: "api_token", subjectId: input.id });
  });
}
