import { AppError, issueApiToken, type ApiTokenInput } from "@baken/core";
import { insertApiToken, recordAudit, withTransaction } from "@baken/db";
import { randomUUID } from "node:crypto";
import type { Actor, Ctx } from "../context.ts";
import { apiTokenView } from "./api-token-view.ts";

const DAY_MS = 86_400_000;

/**
 * A new API token for the acting admin: the secret is in this answer and nowhere else (only its hash is
 * stored). The token acts as its creator, with the token's role.
 */
export async function createApiToken(ctx: Pick<Ctx, "db">, actor: Actor, input: ApiTokenInput) {
  if (!actor.id) throw new AppError("forbidden", "Only a signed-in staff user creates API tokens");
  const creatorId = actor.id;
  const id = randomUUID();
  const { token, hash } = issueApiToken(id);
  const expiresAt = new Date(Date.now() + input.expiresInDays * DAY_MS);
  const row = await withTransaction(ctx.db, async (tx) => {
    const created = await insertApiToken(tx, {
      id,
      name: input.name,
      role: input.role,
      hash,
      createdById: creatorId,
      expiresAt,
    });
    await recordAudit(tx, actor, {
      action: "api_token.create",
      subjectType: "api_token",
      subjectId: id,
      details: { name: input.name, role: input.role, expiresAt: expiresAt.toISOString() },
    });
    return created;
  });
  return { ...apiTokenView(row), token };
}
