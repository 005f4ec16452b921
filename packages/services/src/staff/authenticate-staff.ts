import { AppError, type StaffRole } from "@baken/core";
import { findStaffUser, findStaffUserByEmail, recordAudit, recordStaffLogin, withTransaction } from "@baken/db";
import type { Ctx } from "../context.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";

export type StaffIdentity = { id: string; email: string; name: string; role: StaffRole };

/** One answer for an unknown user, a wrong password and a disabled account: nothing to enumerate. */
export async function authenticateStaff(
  ctx: Ctx,
  input: { email: string; password: string; ip?: string },
): Promise<StaffIdentity> {
  const email = input.email.trim().toLowerCase();
  const user = await findStaffUserByEmail(ctx.db, email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    throw new AppError("unauthorized", "Wrong e-mail or password");
  }
  await withTransaction(ctx.db, async (tx) => {
    await recordStaffLogin(tx, user.id, new Date());
    await recordAudit(
      tx,
      { id: user.id, ip: input.ip },
      { action: "staff.login", subjectType: "staff_user", subjectId: user.id },
    );
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The current state of a signed-in user: a disabled account or changed role takes effect at once. */
export async function findActiveStaff(ctx: Ctx, id: string): Promise<StaffIdentity | null> {
  const user = await findStaffUser(ctx.db, id);
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
