import { lockReportReply, markReplyFailed, markReplySent, withTransaction } from "@baken/db";
import { renderReportReply } from "@baken/mail";
import type { MailCtx } from "./send-report-confirmation.ts";

export type ReplyResult = { status: "sent"; messageId: string } | { status: "already-sent" | "missing" };

/**
 * Mails a reply to its reporter once: the reply's row stays locked while the mail is handed to SMTP and
 * sent_at is committed with it (as sendReportConfirmation does for confirmations).
 */
export async function sendReportReply(ctx: MailCtx, input: { replyId: string }): Promise<ReplyResult> {
  const { config } = ctx;
  return withTransaction(ctx.db, async (tx) => {
    const reply = await lockReportReply(tx, input.replyId);
    if (!reply) return { status: "missing" as const };
    if (reply.sentAt) return { status: "already-sent" as const };
    const mail = renderReportReply({
      language: reply.language,
      reference: reply.reference,
      body: reply.body,
      author: reply.author,
      cert: { name: config.cert.name, phone: config.cert.phone, website: config.cert.website },
    });
    const sent = await ctx.mailer.send({
      from: config.mail.from,
      replyTo: config.mail.replyTo,
      to: reply.toEmail,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { "Content-Language": reply.language, "X-Baken-Reference": reply.reference },
    });
    await markReplySent(tx, reply.id, sent.messageId);
    return { status: "sent" as const, messageId: sent.messageId };
  });
}

/** The relay refused the reply for good: the console shows why. */
export async function recordReplyRefused(ctx: Pick<MailCtx, "db">, input: { replyId: string; error: string }) {
  await markReplyFailed(ctx.db, input.replyId, input.error);
}
