import { AppError, type StaffRole } from "@baken/core";
import {
  findStaffUser,
  findStaffUserByEmail,
  recordAudit,
  recordStaffLogin,
  withTransaction,
  type StaffUserRow,
} from "@baken/db";
import type { Ctx } from "../context.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";

export type StaffIdentity = { id: string; email: string; name: string; role: StaffRole };
/** A signed-in user and the session epoch a session token must carry (a password reset raises it). */
export type StaffSession = { staff: StaffIdentity; sessionEpoch: number };

/** One answer for an unknown user, a wrong password and a disabled account: nothing to enumerate. */
export async function authenticateStaff(
  ctx: Ctx,
  input: { email: string; password: string; ip?: string },
): Promise<StaffSession> {
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
  return sessionOf(user);
}

/**
 * The current state of a signed-in user: a disabled account or changed role takes effect at once, and a
 * session from before a password reset is over (its epoch is older).
 */
export async function findActiveStaff(ctx: Ctx, id: string): Promise<StaffSession | null> {
  const user = await findStaffUser(ctx.db, id);
  if (!user || !user.active) return null;
  return sessionOf(user);
}

const sessionOf = (user: StaffUserRow): StaffSession => ({
  staff: { id: user.id, email: user.email, name: user.name, role: user.role },
  sessionEpoch: user.sessionEpoch,
});
