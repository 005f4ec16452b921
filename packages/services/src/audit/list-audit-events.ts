import { findAuditEvents, type AuditQuery } from "@baken/db";
import type { Ctx } from "../context.ts";

export type { AuditQuery };

/** The audit trail, newest first, filtered by who, what, when and subject; `before` pages by id. */
export async function listAuditEvents(ctx: Pick<Ctx, "db">, q: AuditQuery) {
  const events = await findAuditEvents(ctx.db, q);
  return events.map((e) => ({ ...e, at: e.at.toISOString() }));
}
