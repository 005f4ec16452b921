import { AppError, notFound } from "@baken/core";
import { endStaffSessions, lockStaffUser, recordAudit, updateStaffUser, withTransaction } from "@baken/db";
import { randomBytes } from "node:crypto";
import type { Actor, Ctx } from "../context.ts";
import { hashPassword } from "./passwords.ts";

/**
 * Sets a staff account's password: the one given, or a new random one, returned this once so the admin can
 * hand it over. Every session open on the account ends (whoever knew the old password is out); its API tokens
 * stay, being revoked on their own. The audit event says that it was reset, never the password.
 */
export async function resetStaffPassword(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { id: string; password?: string },
): Promise<{ password: string }> {
  const password = input.password ?? randomBytes(15).toString("base64url");
  if (password.length < 12) {
    throw new AppError("validation", "Password too short", [{ field: "password", message: "at least 12 characters" }]);
  }
  const passwordHash = await hashPassword(password);
  await withTransaction(ctx.db, async (tx) => {
    const user = await lockStaffUser(tx, input.id);
    if (!user) throw notFound(`Staff user ${input.id}`);
    await updateStaffUser(tx, user.id, { passwordHash });
    await endStaffSessions(tx, user.id);
    await recordAudit(tx, actor, {
      action: "staff.password",
      subjectType: "staff_user",
      subjectId: user.id,
      details: { email: user.email, generated: input.password === undefined },
    });
  });
  return { password };
}
