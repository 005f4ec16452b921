import addressparser from "nodemailer/lib/addressparser/index.js";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import MimeNode from "nodemailer/lib/mime-node/index.js";
import { detachedSignature, encryptTo, type EncryptionKey, type SigningKey } from "../pgp.ts";
import type { OutgoingMail } from "../transport.ts";
import type { RenderedNotice } from "./render-notice.ts";

export type NoticeEnvelope = {
  from: string;
  /** The SMTP envelope sender (the notice's VERP return path, where bounces go); From's address if unset. */
  returnPath?: string;
  to: string[];
  replyTo: string;
  /** Stable across attempts (derived from the notice id), so a rare duplicate is recognisably the same mail. */
  messageId: string;
  /** A reminder threads under the notice it follows. */
  inReplyTo?: string;
  date: Date;
  reference: string;
};

export type NoticePgp = { signingKey?: SigningKey; encryptTo?: EncryptionKey[] };

/** A file the notice carries: the hosts' CSV first, then the X-ARF reports. */
export type MailAttachment = { filename: string; content: Buffer; contentType: string };

function outerHeaders(e: NoticeEnvelope, subject: string): Record<string, string> {
  return {
    From: e.from,
    To: e.to.join(", "),
    "Reply-To": e.replyTo,
    Subject: subject,
    Date: e.date.toUTCString().replace("GMT", "+0000"),
    "Message-ID": e.messageId,
    ...(e.inReplyTo ? { "In-Reply-To": e.inReplyTo, References: e.inReplyTo } : {}),
    // RFC 3834: tells auto-responders and ticket systems not to answer with vacation notices.
    "Auto-Submitted": "auto-generated",
    "X-Baken-Reference": e.reference,
  };
}

// Armored OpenPGP data is ASCII in short lines: sent as is, as RFC 3156 shows it, not base64 again.
const SEVEN_BIT = { "Content-Transfer-Encoding": "7bit" };
const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

const envelopeOf = (e: NoticeEnvelope) => ({
  from: e.returnPath ?? (addressparser(e.from)[0] as { address?: string })?.address ?? e.from,
  to: e.to,
});

/**
 * The notice as nodemailer sends it. Without OpenPGP: text + HTML alternative + the attachments (the hosts'
 * CSV, then the X-ARF reports).
 * With OpenPGP, RFC 3156 PGP/MIME: that same entity is signed (multipart/signed) or, when every recipient
 * has a key, signed and encrypted inside multipart/encrypted. The outer headers (subject included) stay
 * readable: SMTP and ticket systems need them.
 */
export async function composeNoticeMail(
  e: NoticeEnvelope,
  rendered: RenderedNotice,
  attachments: readonly MailAttachment[],
  pgp: NoticePgp = {},
): Promise<OutgoingMail> {
  const content = {
    // Quoted-printable even for ASCII: a signed part must survive relays that strip trailing spaces or
    // re-wrap long lines (RFC 3156 §3), and one encoding for both paths keeps the mails alike.
    textEncoding: "quoted-printable" as const,
    text: rendered.text,
    html: rendered.html,
    attachments: attachments.map(({ filename, content, contentType }) => ({ filename, content, contentType })),
  };
  const encrypting = (pgp.encryptTo?.length ?? 0) > 0;
  if (!pgp.signingKey && !encrypting) {
    const message = new MailComposer({
      ...content,
      from: e.from,
      to: e.to,
      replyTo: e.replyTo,
      subject: rendered.subject,
      date: e.date,
      messageId: e.messageId,
      inReplyTo: e.inReplyTo,
      references: e.inReplyTo,
      headers: { "Auto-Submitted": "auto-generated", "X-Baken-Reference": e.reference },
    });
    // Built whole, then sent as one buffer: the SMTP connection writes it in a few large chunks instead of
    // one small write per MIME line, which is most of the cost of a mail on a busy machine.
    return { envelope: envelopeOf(e), raw: await message.compile().build() };
  }

  const inner = innerEntity(await new MailComposer(content).compile().build());
  let root: MimeNode;
  if (encrypting) {
    root = new MimeNode('multipart/encrypted; protocol="application/pgp-encrypted"');
    root
      .createChild("application/pgp-encrypted")
      .setHeader({ "Content-Description": "PGP/MIME version identification", ...SEVEN_BIT })
      .setContent("Version: 1\r\n");
    root
      .createChild('application/octet-stream; name="encrypted.asc"')
      .setHeader({
        "Content-Description": "OpenPGP encrypted message",
        "Content-Disposition": 'inline; filename="encrypted.asc"',
        ...SEVEN_BIT,
      })
      .setContent(crlf(await encryptTo(inner, pgp.encryptTo!, pgp.signingKey)));
  } else {
    const signature = await detachedSignature(inner, pgp.signingKey!);
    root = new MimeNode(`multipart/signed; protocol="application/pgp-signature"; micalg=${signature.micalg}`);
    root.appendChild(new MimeNode()).setRaw(Buffer.from(inner));
    root
      .createChild('application/pgp-signature; name="signature.asc"')
      .setHeader({
        "Content-Description": "OpenPGP digital signature",
        "Content-Disposition": 'attachment; filename="signature.asc"',
        ...SEVEN_BIT,
      })
      .setContent(crlf(signature.armored));
  }
  root.setHeader(outerHeaders(e, rendered.subject));
  return { envelope: envelopeOf(e), raw: await root.build() };
}

/**
 * The MIME entity to sign: the composed message minus its envelope headers (only Content-* stay, as
 * RFC 3156 signs the body part with its own content headers). CRLF line ends, as signed.
 */
function innerEntity(message: Buffer): Uint8Array {
  const text = message.toString("latin1");
  const split = text.indexOf("\r\n\r\n");
  const headerLines = text.slice(0, split).split(/\r\n(?![ \t])/);
  const kept = headerLines.filter((line) => /^content-/i.test(line));
  return Buffer.from(`${kept.join("\r\n")}\r\n\r\n${text.slice(split + 4)}`, "latin1");
}
