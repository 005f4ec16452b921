import { findApiTokens } from "@baken/db";
import type { Ctx } from "../context.ts";
import { apiTokenView } from "./api-token-view.ts";

/** Every token, newest first, with how it stands and when and from where it was last used. */
export async function listApiTokens(ctx: Pick<Ctx, "db">) {
  const now = new Date();
  return (await findApiTokens(ctx.db)).map((t) => apiTokenView(t, now));
}
