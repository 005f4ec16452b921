import { csvRow } from "@baken/core";
import { findAuditEvents, type AuditQuery } from "@baken/db";
import type { Ctx } from "../context.ts";

/** The most events one export holds: a year of a busy CERT's changes; narrower filters for more. */
export const AUDIT_EXPORT_MAX = 100_000;

/**
 * The filtered audit trail as CSV, newest first, with names beside ids. Every cell goes through csvCell:
 * names and details are typed by staff and by the public (an organization called "=HYPERLINK(...)").
 */
export async function exportAuditCsv(ctx: Pick<Ctx, "db">, q: Omit<AuditQuery, "limit" | "before">) {
  const events = await findAuditEvents(ctx.db, { ...q, limit: AUDIT_EXPORT_MAX });
  const header = [
    "id",
    "at",
    "actor",
    "actor name",
    "api token",
    "ip",
    "action",
    "subject type",
    "subject id",
    "subject",
    "details",
  ];
  return (
    csvRow(header) +
    events
      .map((e) =>
        csvRow([
          e.id,
          e.at,
          e.actor,
          e.actorName,
          e.token?.name,
          e.ip,
          e.action,
          e.subjectType,
          e.subjectId,
          e.subjectName,
          JSON.stringify(e.details),
        ]),
      )
      .join("")
  );
}
