import { AppError, notFound, type Actor } from "@baken/core";
import { insertResend, lockNotice, recordAudit, resendExists, withTransaction } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * Sends a notice again to corrected recipients: a new notice (its own reference and job) repeating the
 * original's hosts and owner link, so the never-twice rules hold as for any notice: the new one is mailed at
 * most once, and the original is never mailed again. Refused (409) while the original is still on its way,
 * for a reminder (resend its initial notice), and when a notice of it already went to exactly these addresses.
 */
export async function resendNotice(
  ctx: Pick<Ctx, "db" | "producer">,
  actor: Actor,
  input: { noticeId: string; recipients: string[] },
) {
  const recipients = [...new Set(input.recipients.map((r) => r.trim().toLowerCase()))].sort();
  const created = await withTransaction(ctx.db, async (tx) => {
    const notice = await lockNotice(tx, input.noticeId);
    if (!notice) throw notFound("Notice");
    if (notice.kind === "reminder") {
      throw new AppError("conflict", "A reminder repeats its initial notice: resend that notice instead");
    }
    if (notice.status === "queued" || notice.status === "sending") {
      throw new AppError("conflict", `Notice is still ${notice.status}: wait for its delivery before resending`);
    }
    // A resend of a resend repeats the same original: one link and one host list per organization.
    const originalId = notice.parentId ?? notice.id;
    if (originalId !== notice.id) await lockNotice(tx, originalId);
    if (await resendExists(tx, originalId, recipients)) {
      throw new AppError("conflict", `This notice already went (or is going) to ${recipients.join(", ")}`);
    }
    const resend = await insertResend(tx, originalId, recipients);
    await recordAudit(tx, actor, {
      action: "notice.resend",
      subjectType: "notice",
      subjectId: notice.id,
      details: { resendId: resend.id, reference: resend.reference, recipients },
    });
    return resend;
  });
  await ctx.producer.enqueue("deliver-notice", { noticeId: created.id });
  return { ...created, recipients };
}
