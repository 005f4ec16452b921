import { noticeToken, type Language } from "@baken/core";
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
import { noticeHosts } from "./notice-hosts.ts";
import { renderNoticeContent, type NoticeContent } from "./notice-view.ts";

export type DeliveryCtx = Pick<Ctx, "db" | "config"> & { mailer: Mailer };

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
  | { outcome: "sent"; messageId: string; response: string }
  | { outcome: "skipped"; reason: "already sent" | "not found" }
  | { outcome: "throttled"; delayMs: number };

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
  const { pool } = ctx.db;
  // Claim and load in one statement: the notice is `sending` from here until its result is written.
  const notice = await claimNotice(ctx, input.noticeId);
  if (!notice) {
    const exists = await pool.query(`SELECT 1 FROM notice WHERE id = $1`, [input.noticeId]);
    return { outcome: "skipped", reason: exists.rowCount ? "already sent" : "not found" };
  }

  if (admit) {
    const delayMs = await admit([...new Set(notice.recipients.map(domainOf))]);
    if (delayMs > 0) {
      // Not an attempt: hand the claim back as it was.
      await pool.query(`UPDATE notice SET status = $2, attempts = attempts - 1 WHERE id = $1 AND status = 'sending'`, [
        notice.id,
        notice.previousStatus,
      ]);
      return { outcome: "throttled", delayMs };
    }
  }

  let result: SendResult;
  try {
    const mail = await buildMail(ctx, notice);
    const sent = await ctx.mailer.send(mail.message);
    // Our Message-ID, not the transport's: with a prebuilt (raw) message nodemailer reports one it made up.
    result = { messageId: mail.messageId, response: sent.response };
  } catch (err) {
    const permanent = isPermanentSmtpError(err);
    const message = errorText(err);
    await pool.query(`UPDATE notice SET status = $2, last_error = $3 WHERE id = $1 AND status = 'sending'`, [
      notice.id,
      permanent || input.isFinalAttempt ? "failed" : "queued",
      message,
    ]);
    throw new DeliveryError(message, permanent);
  }

  // The server has the mail: record it now, before anything else can fail.
  for (let tries = 1; ; tries++) {
    try {
      await pool.query(
        `UPDATE notice SET status = 'sent', sent_at = now(), message_id = $2, smtp_response = $3, last_error = NULL WHERE id = $1`,
        [notice.id, result.messageId, result.response],
      );
      return { outcome: "sent", ...result };
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

type LoadedNotice = {
  id: string;
  reference: string;
  kind: "initial" | "reminder";
  parentId: string | null;
  organizationId: string;
  organizationName: string;
  recipients: string[];
  language: Language;
  previousStatus: "queued" | "sending" | "failed";
  tokenExpiresAt: Date | null;
  parentSentAt: Date | null;
  parentTokenExpiresAt: Date | null;
  campaign: NoticeContent["campaign"];
  /** Registered OpenPGP keys of the organization's active contacts, by lower-case address. */
  keys: { email: string; key: string }[] | null;
};

/**
 * Marks the notice `sending` (attempts + 1) unless it is already sent, and returns all a delivery needs,
 * in one round trip: this runs once per mail, thousands of times a minute.
 */
async function claimNotice(ctx: DeliveryCtx, id: string): Promise<LoadedNotice | undefined> {
  const { rows } = await ctx.db.pool.query<LoadedNotice>(
    `WITH before AS (SELECT id, status FROM notice WHERE id = $1 AND status <> 'sent' FOR UPDATE),
          claimed AS (UPDATE notice n SET status = 'sending', attempts = n.attempts + 1 FROM before WHERE n.id = before.id
                      RETURNING n.*, before.status AS previous_status)
     SELECT n.id, n.reference, n.kind, n.parent_id AS "parentId", n.organization_id AS "organizationId", o.name AS "organizationName",
            n.recipients, n.language, n.previous_status AS "previousStatus", n.token_expires_at AS "tokenExpiresAt",
            coalesce(p.sent_at, p.created_at) AS "parentSentAt", p.token_expires_at AS "parentTokenExpiresAt",
            json_build_object('name', c.name, 'cves', c.cves, 'severity', c.severity, 'tlp', c.tlp, 'advice', c.advice,
                              'compromiseSince', c.compromise_since) AS campaign,
            (SELECT json_agg(json_build_object('email', lower(k.email), 'key', k.pgp_public_key)) FROM contact k
              WHERE k.organization_id = n.organization_id AND k.active AND k.pgp_public_key IS NOT NULL) AS keys
       FROM claimed n
       JOIN organization o ON o.id = n.organization_id
       JOIN campaign c ON c.id = n.campaign_id
       LEFT JOIN notice p ON p.id = n.parent_id`,
    [id],
  );
  const row = rows[0];
  if (!row) return undefined;
  const since = row.campaign.compromiseSince as unknown as string | null;
  return { ...row, campaign: { ...row.campaign, compromiseSince: since ? new Date(since) : null } };
}

async function buildMail(ctx: DeliveryCtx, notice: LoadedNotice) {
  const { config } = ctx;
  const hosts = await noticeHosts(ctx.db, notice);
  if (hosts.length === 0) throw new Error("no hosts left to report in this notice");
  // A reminder repeats the link of the notice it follows: one link per organization and campaign.
  const linkOwner = notice.parentId ?? notice.id;
  const { rendered, attachment } = renderNoticeContent(config, {
    kind: notice.kind,
    language: notice.language,
    reference: notice.reference,
    campaign: notice.campaign,
    organizationName: notice.organizationName,
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
      to: notice.recipients,
      replyTo: config.mail.replyTo,
      messageId,
      inReplyTo: notice.parentId ? `<${notice.parentId}@${domain}>` : undefined,
      date: new Date(),
      reference: notice.reference,
    },
    rendered,
    attachment,
    {
      signingKey: config.pgp ? await loadSigningKey(config.pgp.signingKey, config.pgp.passphrase) : undefined,
      encryptTo: await encryptionKeys(notice),
    },
  );
  return { message, messageId };
}

/**
 * Keys to encrypt to: only when EVERY recipient registered a usable key. A mixed group gets the signed
 * clear mail, since the same content reaches the others in clear anyway and one notice is one message.
 */
async function encryptionKeys(notice: LoadedNotice): Promise<EncryptionKey[] | undefined> {
  const byEmail = new Map((notice.keys ?? []).map((k) => [k.email.trim(), k.key]));
  if (byEmail.size === 0 || !notice.recipients.every((r) => byEmail.has(r))) return undefined;
  const keys = await Promise.all(notice.recipients.map((r) => readEncryptionKey(byEmail.get(r)!)));
  return keys.every((k) => k !== null) ? (keys as EncryptionKey[]) : undefined;
}

const errorText = (err: unknown) => {
  const e = err as { responseCode?: number; response?: string; message?: string };
  return (e.response ?? e.message ?? String(err)).slice(0, 1000);
};
