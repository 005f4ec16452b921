import { AppError, notFound, type ReportLanguage } from "@baken/core";
import { findReport, insertReportReply, recordAudit, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/**
 * A reply to the reporter, in the report's language: stored in the report's history and its audit trail in
 * one transaction, then queued for the worker to mail (once: sendReportReply). When the queue cannot be
 * reached the reply is kept all the same and the worker's sweep queues it once Redis is back.
 */
export async function replyToReport(ctx: Ctx, actor: Actor, input: { reportId: string; body: string }) {
  const body = input.body.replaceAll("\u0000", "").trim();
  if (!body) throw new AppError("validation", "A reply needs text", [{ field: "body", message: "empty" }]);
  const report = await findReport(ctx.db, input.reportId);
  if (!report) throw notFound(`Incident report ${input.reportId}`);
  const reply = await withTransaction(ctx.db, async (tx) => {
    const stored = await insertReportReply(tx, {
      reportId: report.id,
      authorId: actor.id,
      body,
      language: report.language as ReportLanguage,
      toEmail: report.reporterEmail,
    });
    await recordAudit(tx, actor, {
      action: "report.reply",
      subjectType: "incident_report",
      subjectId: report.id,
      details: { reference: report.reference, replyId: stored.id, to: report.reporterEmail, language: report.language },
    });
    return stored;
  });
  let queued = true;
  try {
    await ctx.producer.enqueue("reply-report", { replyId: reply.id });
  } catch {
    queued = false;
  }
  return { id: reply.id, queued };
}
