import { AppError, notFound } from "@baken/core";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";

/** An internal note on a report, for staff only (never shown or mailed to the reporter). */
export async function addReportNote(ctx: Pick<Ctx, "db">, actor: Actor, input: { reportId: string; body: string }) {
  const body = input.body.replaceAll("\u0000", "").trim();
  if (!body) throw new AppError("validation", "A note needs text", [{ field: "body", message: "empty" }]);
  return ctx.db.prisma.$transaction(async (tx) => {
    const report = await tx.incidentReport.findUnique({
      where: { id: input.reportId },
      select: { id: true, reference: true },
    });
    if (!report) throw notFound(`Incident report ${input.reportId}`);
    const note = await tx.reportNote.create({
      data: { reportId: report.id, authorId: actor.id, body },
      include: { author: { select: { email: true } } },
    });
    await recordAudit(tx, actor, {
      action: "report.note",
      subjectType: "incident_report",
      subjectId: report.id,
      details: { reference: report.reference, noteId: note.id },
    });
    return {
      id: note.id,
      body: note.body,
      author: note.author?.email ?? null,
      createdAt: note.createdAt.toISOString(),
    };
  });
}
