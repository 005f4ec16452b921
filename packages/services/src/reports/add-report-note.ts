import { AppError, notFound } from "@baken/core";
import { findReportReference, insertReportNote, recordAudit, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/** An internal note on a report, for staff only (never shown or mailed to the reporter). */
export async function addReportNote(ctx: Pick<Ctx, "db">, actor: Actor, input: { reportId: string; body: string }) {
  const body = input.body.replaceAll("\u0000", "").trim();
  if (!body) throw new AppError("validation", "A note needs text", [{ field: "body", message: "empty" }]);
  return withTransaction(ctx.db, async (tx) => {
    const report = await findReportReference(tx, input.reportId);
    if (!report) throw notFound(`Incident report ${input.reportId}`);
    const note = await insertReportNote(tx, { reportId: report.id, authorId: actor.id, body });
    await recordAudit(tx, actor, {
      action: "report.note",
      subjectType: "incident_report",
      subjectId: report.id,
      details: { reference: report.reference, noteId: note.id },
    });
    return { id: note.id, body: note.body, author: note.author, createdAt: note.createdAt.toISOString() };
  });
}
