import type { ReportLanguage } from "@baken/core";
import { findReportForConfirmation, lockReport, markConfirmationSent, withTransaction } from "@baken/db";
import { renderReportConfirmation, type Mailer } from "@baken/mail";
import type { Ctx } from "../context.ts";

export type MailCtx = Pick<Ctx, "db" | "config"> & { mailer: Mailer };

export type ConfirmationResult = { status: "sent"; messageId: string } | { status: "already-sent" | "missing" };

/**
 * Sends a report's confirmation mail once. The report row stays locked while the mail is handed to SMTP,
 * so two runs of the job (a stalled job taken over) cannot both send; confirmation_sent_at is committed
 * with the send. A crash between the SMTP answer and the commit can still repeat the mail: at least once,
 * with the window kept as short as a commit.
 */
export async function sendReportConfirmation(ctx: MailCtx, input: { reportId: string }): Promise<ConfirmationResult> {
  const { config } = ctx;
  // The transaction spans the SMTP exchange (its connection and socket timeouts are 10 s and 30 s).
  return withTransaction(ctx.db, async (tx) => {
    if (!(await lockReport(tx, input.reportId))) return { status: "missing" as const };
    const report = (await findReportForConfirmation(tx, input.reportId))!;
    if (report.confirmationSentAt) return { status: "already-sent" as const };

    const language = report.language as ReportLanguage;
    const mail = renderReportConfirmation({
      language,
      reference: report.reference,
      receivedAt: report.createdAt,
      reporterKind: report.reporterKind,
      rsitClass: report.rsitClass,
      rsitType: report.rsitType,
      ongoing: report.ongoing,
      startedAt: report.startedAt,
      detectedAt: report.detectedAt,
      attachmentCount: report.attachmentCount,
      tlp: report.tlp,
      cert: { name: config.cert.name, phone: config.cert.phone, website: config.cert.website },
      timeZone: config.cert.timeZone,
    });
    const sent = await ctx.mailer.send({
      from: config.mail.from,
      replyTo: config.mail.replyTo,
      to: report.reporterEmail,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: {
        "Content-Language": language,
        "Auto-Submitted": "auto-generated",
        "X-Auto-Response-Suppress": "All",
        "X-Baken-Reference": report.reference,
      },
    });
    await markConfirmationSent(tx, input.reportId, sent.messageId);
    return { status: "sent" as const, messageId: sent.messageId };
  });
}
