import { noticeIdOfVerpTag, verpTagOf, type BounceMailbox } from "@baken/core";
import type PostalMimeModule from "postal-mime";
import type { Email } from "postal-mime";
import { autoReplyReason } from "./auto-reply.ts";
import type { BounceVerdict } from "./bounce-verdict.ts";
import { readDeliveryStatus } from "./delivery-status.ts";
import { looksLikeTextBounce, readTextBounce } from "./text-bounce-layouts.ts";

export type ReadBounceOptions = {
  /** The bounce mailbox and the tag secret: which notice a tagged recipient names. */
  mailbox: BounceMailbox;
  tagSecret: string;
  /** The SMTP envelope's recipients (RCPT TO), when the message came by SMTP: the surest tag. */
  envelopeRecipients?: readonly string[];
};

const DSN_TYPES = new Set(["message/delivery-status", "message/global-delivery-status"]);
const RETURNED_TYPES = new Set(["message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers"]);
// Where a tagged return path shows in the headers when no envelope is known (a mailbox fetched by IMAP).
const RECIPIENT_HEADERS = ["delivered-to", "x-original-to", "envelope-to", "to", "cc"];
const MESSAGE_ID = /^[ \t]*Message-ID:[ \t]*(<[^<>\s]+>)/im;
const BOUNCE_SENDER = /^(?:mailer-daemon|postmaster|mail-daemon)@/i;

// Loaded on first use: only the process that reads bounces needs the parser, not every importer of mail.
let parser: Promise<{ default: typeof PostalMimeModule }> | undefined;

/**
 * The verdict on one inbound message (raw RFC 5322 bytes). No message makes it throw: an unreadable or
 * unrecognised one is `unknown` with the reason.
 */
export async function readBounce(raw: Uint8Array | string, options: ReadBounceOptions): Promise<BounceVerdict> {
  // Outside the try: a parser that cannot load is a broken installation, not an unreadable message.
  const { default: PostalMime } = await (parser ??= import("postal-mime"));
  let email: Email;
  try {
    email = await PostalMime.parse(raw, { attachmentEncoding: "utf8", maxNestingDepth: 50 });
  } catch (err) {
    return {
      ...empty(),
      ...tagOf([...(options.envelopeRecipients ?? [])], options),
      reason: `unreadable MIME: ${(err as Error).message}`,
    };
  }
  try {
    return judge(email, options);
  } catch (err) {
    return { ...empty(), reason: `unreadable report: ${(err as Error).message}` };
  }
}

function judge(email: Email, options: ReadBounceOptions): BounceVerdict {
  const headerValues = (key: string) => email.headers.filter((h) => h.key === key).map((h) => h.value);
  const header = (key: string) => headerValues(key)[0];
  const candidates = [
    ...(options.envelopeRecipients ?? []),
    ...RECIPIENT_HEADERS.flatMap(headerValues).flatMap(addressesIn),
  ];
  const from = email.from?.address?.toLowerCase() ?? null;
  const subject = email.subject ?? null;
  const text = email.text ?? "";
  const base = {
    ...empty(),
    ...tagOf(candidates, options),
    messageId: email.messageId ?? null,
    originalMessageId: originalMessageId(email, text),
    from,
    subject,
  };

  const dsnParts = email.attachments.filter((a) => DSN_TYPES.has(a.mimeType));
  if (dsnParts.length > 0) {
    const recipients = dsnParts.flatMap((p) => readDeliveryStatus(String(p.content)));
    if (recipients.length === 0)
      return { ...base, reason: "a delivery-status part that names no recipient with an action" };
    const kind = recipients.some((r) => r.action === "failed")
      ? "bounce"
      : recipients.some((r) => r.action === "delayed")
        ? "delay"
        : null;
    if (!kind)
      return { ...base, recipients, reason: "a delivery status notification that reports no failure or delay" };
    return {
      ...base,
      kind,
      layout: "rfc3464",
      recipients,
      reason: `delivery status notification (${kind === "bounce" ? "failed" : "delayed"})`,
    };
  }

  const textBounce = readTextBounce(text, header);
  if (textBounce) {
    const kind = textBounce.recipients.some((r) => r.action === "failed") ? "bounce" : "delay";
    return {
      ...base,
      kind,
      layout: textBounce.layout,
      recipients: textBounce.recipients,
      reason: `${textBounce.layout} bounce text`,
    };
  }

  const reportType = /^multipart\/report\b/i.test(header("content-type") ?? "");
  if (reportType || looksLikeTextBounce(text) || (from && BOUNCE_SENDER.test(from))) {
    // A bounce we cannot read is no auto-reply, though mail servers mark bounces Auto-Submitted too.
    return {
      ...base,
      reason: reportType
        ? "a report without a readable delivery-status part"
        : "a bounce whose recipients could not be read",
    };
  }

  const autoReply = autoReplyReason(email.headers, subject ?? "");
  if (autoReply) return { ...base, kind: "auto-reply", layout: "auto-reply", reason: autoReply };
  return { ...base, reason: "not a delivery report, a known bounce layout or an auto-reply" };
}

const empty = (): BounceVerdict => ({
  kind: "unknown",
  layout: null,
  recipients: [],
  noticeId: null,
  tag: "none",
  messageId: null,
  originalMessageId: null,
  from: null,
  subject: null,
  reason: "",
});

/** The notice named by the first well-signed tag among the candidate recipients. */
function tagOf(candidates: string[], options: ReadBounceOptions): Pick<BounceVerdict, "tag" | "noticeId"> {
  let tagged = false;
  for (const address of candidates) {
    const tag = verpTagOf(options.mailbox, address);
    if (!tag) continue;
    tagged = true;
    const noticeId = noticeIdOfVerpTag(options.tagSecret, tag);
    if (noticeId) return { tag: "valid", noticeId };
  }
  return { tag: tagged ? "invalid" : "none", noticeId: null };
}

/**
 * The returned message's Message-ID: from the attached message or headers, else from a copy in the text,
 * else the message it answers (an auto-reply's In-Reply-To).
 */
function originalMessageId(email: Email, text: string): string | null {
  for (const part of email.attachments) {
    if (!RETURNED_TYPES.has(part.mimeType)) continue;
    const content = String(part.content);
    const bodyAt = content.search(/\r?\n\r?\n/);
    const id = MESSAGE_ID.exec(bodyAt < 0 ? content : content.slice(0, bodyAt))?.[1];
    if (id) return id;
  }
  return MESSAGE_ID.exec(text)?.[1] ?? /<[^<>\s]+>/.exec(email.inReplyTo ?? "")?.[0] ?? null;
}

// Split, not matched: a global pattern would rescan a long token without "@" from each of its characters.
const addressesIn = (value: string) => value.split(/[\s<>,;:"()]+/).filter((token) => token.includes("@"));
