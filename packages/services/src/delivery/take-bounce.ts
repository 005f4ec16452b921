import { createHash } from "node:crypto";
import type { NoticeStatus } from "@baken/core";
import { insertBounceMessage, lockNoticeForReach, setBounceUnattributed, withTransaction } from "@baken/db";
import { readBounce, verdictOutcomes, type BounceVerdict, type InboundMessage } from "@baken/mail";
import type { Ctx } from "../context.ts";
import { applyDeliveryOutcomes } from "./apply-outcomes.ts";

export type TakenBounce = {
  verdict: BounceVerdict;
  /** A message stored before (same Message-ID): nothing was done again. */
  duplicate: boolean;
  /** The notice it names became `bounced` now. */
  bounced: boolean;
  redirectId: string | null;
};

// A report can come before the job's last attempt is over (a DSN for a relay that took the mail while a
// retry was due): only a notice that left for good counts a 4xx refusal as final.
const DONE: readonly NoticeStatus[] = ["sent", "failed", "bounced"];

/**
 * One message the bounce listener took: stored whole for staff whatever it is, then, when it came to a
 * validly signed tag and says something (a bounce, a delay, an auto-reply), its outcomes recorded on the
 * notice and drawn (applyDeliveryOutcomes). All in one transaction: the listener answers 250 only once it
 * committed, so a crash loses nothing (the sending server tries again), and the message's key (its
 * Message-ID, else its bytes' SHA-256) makes a report delivered twice act once.
 */
export async function takeBounce(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  message: InboundMessage,
  receivedAt = new Date(),
): Promise<TakenBounce> {
  const { mailbox, tagSecret } = ctx.config.bounces;
  const verdict = await readBounce(message.raw, { mailbox, tagSecret, envelopeRecipients: message.envelope.rcptTo });
  const messageKey = verdict.messageId ?? `sha256:${createHash("sha256").update(message.raw).digest("hex")}`;

  const taken = await withTransaction(ctx.db, async (tx) => {
    const id = await insertBounceMessage(tx, {
      messageKey,
      envelopeFrom: message.envelope.mailFrom,
      envelopeTo: message.envelope.rcptTo,
      remoteAddress: message.remoteAddress,
      raw: message.raw,
      kind: verdict.kind,
      layout: verdict.layout,
      tag: verdict.tag,
      noticeId: verdict.noticeId,
      fromAddress: verdict.from,
      subject: verdict.subject,
      reason: verdict.reason,
      recipients: verdict.recipients,
    });
    if (!id) return { duplicate: true, bounced: false, redirectId: null };
    const notice = verdict.noticeId ? await lockNoticeForReach(tx, verdict.noticeId) : undefined;
    if (!notice) return { duplicate: false, bounced: false, redirectId: null };

    const { outcomes, unattributed } = verdictOutcomes(verdict, notice.recipients, receivedAt);
    if (unattributed.length > 0) await setBounceUnattributed(tx, id, unattributed);
    const applied = await applyDeliveryOutcomes(tx, notice.id, outcomes, {
      attemptsOver: DONE.includes(notice.status),
      bounceMessageId: id,
    });
    return { duplicate: false, bounced: applied.bounced, redirectId: applied.redirectId };
  });

  if (taken.redirectId) await enqueueRedirect(ctx, taken.redirectId);
  return { verdict, ...taken };
}

/**
 * The redirect is committed as a queued notice: a job lost here (Redis down) is given back by the worker's
 * repair sweep, so the failure does not undo the message's acceptance.
 */
export async function enqueueRedirect(ctx: Pick<Ctx, "producer">, noticeId: string) {
  await ctx.producer.enqueue("deliver-notice", { noticeId }).catch(() => undefined);
}
