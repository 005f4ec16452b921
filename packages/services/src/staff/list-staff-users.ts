import { findAllStaffUsers } from "@baken/db";
import type { Ctx } from "../context.ts";

/** Every staff account (never a password hash), active ones first. */
export async function listStaffUsers(ctx: Pick<Ctx, "db">) {
  const users = await findAllStaffUsers(ctx.db);
  return users.map((u) => ({
    ...u,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  }));
}
