import { noticeToken, smtpSendOutcomes, verpReturnPath } from "@baken/core";
import {
  withTransaction,
  claimNotice,
  noticeExists,
  noticeHosts,
  recordNoticeFailure,
  recordNoticeSent,
  releaseNoticeClaim,
  type ClaimedNotice,
} from "@baken/db";
import {
  composeNoticeMail,
  isPermanentSmtpError,
  loadSigningKey,
  readEncryptionKey,
  type EncryptionKey,
  type Mailer,
  type SendResult,
} from "@baken/mail";
import type { Ctx } from "../context.ts";
import { applyDeliveryOutcomes } from "../delivery/apply-outcomes.ts";
import { enqueueRedirect } from "../delivery/take-bounce.ts";
import { renderNoticeContent } from "./notice-view.ts";

export type DeliveryCtx = Pick<Ctx, "db" | "config" | "producer"> & { mailer: Mailer };

export type DeliverInput = {
  noticeId: string;
  /** 1 for the first try. */
  attempt: number;
  /** After this attempt no other follows: a failure is final. */
  isFinalAttempt: boolean;
};

/**
 * Asks whether mail may go to these recipient domains now; 0 to go (and counts it), else the ms to wait.
 * The worker passes a Redis-backed per-domain limit; without it nothing is throttled.
 */
export type Admit = (domains: string[]) => Promise<number>;

export type DeliverOutcome =
  | { outcome: "sent"; messageId: string; response: string; xarf: XarfCounts }
  | { outcome: "skipped"; reason: "already sent" | "not found" }
  /** The relay refused every recipient for good: `bounced`, redirected (redirectId) or flagged. */
  | { outcome: "bounced"; redirectId: string | null }
  | { outcome: "throttled"; delayMs: number };

/** What went as X-ARF: reports attached, hosts refused (their type cannot describe them), or none (too many). */
export type XarfCounts = { reports: number; refused: number; omitted: boolean };

/** A failed attempt, already recorded on the notice. `permanent`: retrying cannot help (or must not happen). */
export class DeliveryError extends Error {
  override name = "DeliveryError";
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/**
 * How the failure of a mail the server accepted but we could not record begins. Such a notice stays `sending`
 * on purpose (sending it again would mail the owner twice): the repair sweep leaves it to staff.
 */
export const ACCEPTED_UNRECORDED = "accepted by the SMTP server";

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/**
 * Sends one notice (initial or reminder) and records the result before returning, so the job is acknowledged
 * only once the database knows. Delivery is at-most-once per accepted SMTP transaction as far as SMTP allows:
 * - a notice already `sent` is skipped (a re-added job, a retry after the result was recorded);
 * - the claim (`sending`, attempts + 1) and the result (`sent` with message id and the server's answer) are
 *   single-row writes on either side of the SMTP transaction, so the only unrecorded window is between the
 *   server's "250 queued" and the commit of that one UPDATE (see the README: what remains);
 * - if the mail was accepted but the result cannot be written even after retries, the attempt fails as
 *   permanent: the notice stays `sending` for staff to see, rather than being mailed again.
 */
export async function deliverNotice(ctx: DeliveryCtx, input: DeliverInput, admit?: Admit): Promise<DeliverOutcome> {
  // Claim and load in one statement: the notice is `sending` from here until its result is written.
  const notice = await claimNotice(ctx.db, input.noticeId);
  if (!notice) {
    return { outcome: "skipped", reason: (await noticeExists(ctx.db, input.noticeId)) ? "already sent" : "not found" };
  }

  if (admit) {
    const delayMs = await admit([...new Set(notice.recipients.map(domainOf))]);
    if (delayMs > 0) {
      // Not an attempt: hand the claim back as it was.
      await releaseNoticeClaim(ctx.db, notice.id, notice.previousStatus);
      return { outcome: "throttled", delayMs };
    }
  }

  let result: SendResult;
  let xarf: XarfCounts;
  let sentAt: Date;
  try {
    const mail = await buildMail(ctx, notice);
    xarf = mail.xarf;
    sentAt = new Date();
    const sent = await ctx.mailer.send(mail.message);
    // Our Message-ID, not the transport's: with a prebuilt (raw) message nodemailer reports one it made up.
    result = { ...sent, messageId: mail.messageId };
  } catch (err) {
    const permanent = isPermanentSmtpError(err);
    const message = errorText(err);
    const refused = smtpSendOutcomes({
      noticeId: notice.id,
      recipients: notice.recipients,
      at: new Date(),
      error: err,
    });
    if (refused.outcomes.length > 0) {
      // The relay answered for each recipient: their contacts learn from it, and a notice that reached
      // nobody for good is `bounced` (redirected or flagged), not failed.
      const applied = await withTransaction(ctx.db, (tx) =>
        applyDeliveryOutcomes(tx, notice.id, refused.outcomes, {
          attemptsOver: permanent || input.isFinalAttempt,
          why: message,
        }),
      );
      if (applied.reach === "bounced") {
        if (applied.redirectId) await enqueueRedirect(ctx, applied.redirectId);
        return { outcome: "bounced", redirectId: applied.redirectId };
      }
    }
    await recordNoticeFailure(ctx.db, notice.id, permanent || input.isFinalAttempt ? "failed" : "queued", message);
    throw new DeliveryError(message, permanent);
  }

  // The server has the mail: record it now, with what it said of each recipient, before anything else can fail.
  const { outcomes } = smtpSendOutcomes({
    noticeId: notice.id,
    recipients: notice.recipients,
    at: sentAt,
    info: result,
  });
  for (let tries = 1; ; tries++) {
    try {
      await withTransaction(ctx.db, async (tx) => {
        await recordNoticeSent(tx, notice.id, result);
        await applyDeliveryOutcomes(tx, notice.id, outcomes, { attemptsOver: true });
      });
      return { outcome: "sent", messageId: result.messageId, response: result.response, xarf };
    } catch (err) {
      if (tries >= 5) {
        throw new DeliveryError(
          `${ACCEPTED_UNRECORDED} (${result.messageId}) but not recorded: ${errorText(err)}`,
          true,
        );
      }
      await new Promise((r) => setTimeout(r, 200 * tries));
    }
  }
}

async function buildMail(ctx: DeliveryCtx, notice: ClaimedNotice) {
  const { config } = ctx;
  const hosts = await noticeHosts(ctx.db, notice);
  if (hosts.length === 0) throw new Error("no hosts left to report in this notice");
  // A reminder repeats the link of the notice it follows: one link per organization and campaign.
  const linkOwner = notice.parentId ?? notice.redirectOf ?? notice.id;
  const { rendered, attachment, xarf } = renderNoticeContent(config, {
    kind: notice.kind,
    language: notice.language,
    reference: notice.reference,
    campaign: notice.campaign,
    organizationName: notice.organizationName,
    operator: notice.operator,
    hosts,
    link: `${config.publicBaseUrl}/r/${noticeToken(config.notices.tokenSecret, linkOwner)}`,
    linkExpiresAt: notice.parentId ? notice.parentTokenExpiresAt : notice.tokenExpiresAt,
    firstNoticeAt: notice.parentId ? notice.parentSentAt : null,
  });
  const domain = domainOf(/<([^>]+)>/.exec(config.mail.from)?.[1] ?? config.mail.from);
  const messageId = `<${notice.id}@${domain}>`;
  const message = await composeNoticeMail(
    {
      from: config.mail.from,
      // Its own return path: a bounce names this notice (or reminder, or redirect) by the address it comes back to.
      returnPath: verpReturnPath(config.bounces.mailbox, config.bounces.tagSecret, notice.id),
      to: notice.recipients,
      replyTo: config.mail.replyTo,
      messageId,
      // A reminder of a redirected notice follows the redirect, the mail its recipient has.
      inReplyTo: notice.parentMailId ? `<${notice.parentMailId}@${domain}>` : undefined,
      date: new Date(),
      reference: notice.reference,
    },
    rendered,
    [attachment, ...(xarf?.attachments ?? [])],
    {
      signingKey: config.pgp ? await loadSigningKey(config.pgp.signingKey, config.pgp.passphrase) : undefined,
      encryptTo: await encryptionKeys(notice),
    },
  );
  const counts = { reports: xarf?.reports.length ?? 0, refused: xarf?.refused.length ?? 0, omitted: !!xarf?.omitted };
  return { message, messageId, xarf: counts };
}

/**
 * Keys to encrypt to: only when EVERY recipient registered a usable key. A mixed group gets the signed
 * clear mail, since the same content reaches the others in clear anyway and one notice is one message.
 */
async function encryptionKeys(notice: ClaimedNotice): Promise<EncryptionKey[] | undefined> {
  const byEmail = new Map((notice.keys ?? []).map((k) => [k.email.trim(), k.key]));
  if (byEmail.size === 0 || !notice.recipients.every((r) => byEmail.has(r))) return undefined;
  const keys = await Promise.all(notice.recipients.map((r) => readEncryptionKey(byEmail.get(r)!)));
  return keys.every((k) => k !== null) ? (keys as EncryptionKey[]) : undefined;
}

const errorText = (err: unknown) => {
  const e = err as { responseCode?: number; response?: string; message?: string };
  return (e.response ?? e.message ?? String(err)).slice(0, 1000);
};
