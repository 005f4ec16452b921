import { AppError, type StaffRole } from "@baken/core";
import {
  countStaffUsers,
  findStaffUserByEmail,
  insertStaffUser,
  isUniqueViolation,
  recordAudit,
  withTransaction,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { hashPassword } from "./passwords.ts";

export type NewStaffUser = { email: string; password: string; role: StaffRole; name?: string };

export async function createStaffUser(ctx: Pick<Ctx, "db">, actor: Actor, input: NewStaffUser) {
  if (input.password.length < 12) {
    throw new AppError("validation", "Password too short", [{ field: "password", message: "at least 12 characters" }]);
  }
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return withTransaction(ctx.db, async (tx) => {
    if (await findStaffUserByEmail(tx, email)) {
      throw new AppError("conflict", `A staff user with e-mail ${email} already exists`);
    }
    const user = await insertStaffUser(tx, { email, passwordHash, role: input.role, name: input.name ?? "" });
    await recordAudit(tx, actor, {
      action: "staff.create",
      subjectType: "staff_user",
      subjectId: user.id,
      details: { email, role: input.role },
    });
    return { id: user.id, email: user.email, role: user.role };
  });
}

/** The demo's and a fresh install's first admin, from BAKEN_ADMIN_EMAIL / BAKEN_ADMIN_PASSWORD. */
export async function ensureBootstrapAdmin(ctx: Ctx): Promise<"created" | "exists" | "not-configured"> {
  const admin = ctx.config.bootstrapAdmin;
  if (!admin) return "not-configured";
  if ((await countStaffUsers(ctx.db)) > 0) return "exists";
  try {
    await createStaffUser(ctx, { id: null }, { ...admin, role: "admin", name: "Administrator" });
    return "created";
  } catch (err) {
    // Another process (api and worker start together) created it first, or is creating it now.
    if ((err instanceof AppError && err.code === "conflict") || isUniqueViolation(err)) return "exists";
    throw err;
  }
}
