import { findAuditEvents, type AuditQuery } from "@baken/db";
import type { Ctx } from "../context.ts";

export type { AuditQuery };

/** The audit trail, newest first, filtered by subject and action; `before` pages by id. */
export async function listAuditEvents(ctx: Pick<Ctx, "db">, q: AuditQuery) {
  return findAuditEvents(ctx.db, q);
}
