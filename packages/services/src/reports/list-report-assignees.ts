import { findAssignableStaff } from "@baken/db";
import type { Ctx } from "../context.ts";

/** The colleagues a report can be assigned to: active analysts and admins. */
export async function listReportAssignees(ctx: Pick<Ctx, "db">) {
  return findAssignableStaff(ctx.db);
}
