import { AppError, notFound, type StaffRole } from "@baken/core";
import {
  countOtherActiveAdmins,
  lockStaffUser,
  recordAudit,
  updateStaffUser as writeStaffUser,
  withTransaction,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

export type StaffChange = { id: string; name?: string; role?: StaffRole; active?: boolean };

/**
 * Renames, changes the role of, disables or enables a staff account, each change its own audit event.
 * Every request re-reads its user, so a disabled account's sessions and tokens stop at their next request.
 * Nobody disables or demotes themselves, and the last active admin stays one: someone must be able to undo.
 */
export async function updateStaffUser(ctx: Pick<Ctx, "db">, actor: Actor, change: StaffChange) {
  return withTransaction(ctx.db, async (tx) => {
    const user = await lockStaffUser(tx, change.id);
    if (!user) throw notFound(`Staff user ${change.id}`);
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, actor, {
        action,
        subjectType: "staff_user",
        subjectId: user.id,
        details: { email: user.email, ...details },
      });
    const losesAdmin =
      user.role === "admin" && user.active && ((change.role && change.role !== "admin") || change.active === false);
    if (losesAdmin && actor.id === user.id) {
      throw new AppError("validation", "You cannot disable or demote your own account", [
        { field: change.active === false ? "active" : "role", message: "ask another admin" },
      ]);
    }
    if (losesAdmin && (await countOtherActiveAdmins(tx, user.id)) === 0) {
      throw new AppError("conflict", `${user.email} is the last active admin`);
    }
    const data: Parameters<typeof writeStaffUser>[2] = {};
    if (change.name !== undefined && change.name.trim() !== user.name) {
      data.name = change.name.trim();
      await audit("staff.rename", { from: user.name, to: data.name });
    }
    if (change.role !== undefined && change.role !== user.role) {
      data.role = change.role;
      await audit("staff.role", { from: user.role, to: change.role });
    }
    if (change.active !== undefined && change.active !== user.active) {
      data.active = change.active;
      await audit(change.active ? "staff.enable" : "staff.disable", {});
    }
    await writeStaffUser(tx, user.id, data);
    return { id: user.id };
  });
}
