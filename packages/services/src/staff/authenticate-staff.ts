import { AppError } from "@baken/core";
import type { Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { DUMMY_HASH, verifyPassword } from "./passwords.ts";

export type StaffIdentity = { id: string; email: string; name: string; role: "admin" | "analyst" | "viewer" };

/** One answer for an unknown user, a wrong password and a disabled account: nothing to enumerate. */
export async function authenticateStaff(
  ctx: Ctx,
  input: { email: string; password: string; ip?: string },
): Promise<StaffIdentity> {
  const email = input.email.trim().toLowerCase();
  const user = await ctx.db.prisma.staffUser.findUnique({ where: { email } });
  const ok = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    throw new AppError("unauthorized", "Wrong e-mail or password");
  }
  await ctx.db.prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
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
  const user = await ctx.db.prisma.staffUser.findUnique({ where: { id } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
