import { randomUUID } from "node:crypto";

/** What a remote MTA reports about one recipient of one of our mails. */
export type ReportedFailure = {
  /** The notice's return path (envelope sender): where the report goes. */
  returnPath: string;
  /** Our notice's Message-ID, quoted in the returned headers. */
  originalMessageId: string;
  recipient: string;
  action?: "failed" | "delayed";
  status?: string;
  diagnostic?: string;
  /** The report's own Message-ID: the same one twice is the same report delivered twice. */
  messageId?: string;
};

/**
 * An RFC 3464 delivery status notification as Postfix writes it (a human part, the delivery-status part,
 * the returned headers), addressed to the notice's return path: what the CERT's mail server forwards to the
 * bounce listener when a notice bounces after the relay took it.
 */
export function deliveryReport(r: ReportedFailure): { envelope: { from: string; to: string[] }; raw: string } {
  const action = r.action ?? "failed";
  const status = r.status ?? "5.1.1";
  const diagnostic = r.diagnostic ?? `550 ${status} <${r.recipient}>: Recipient address rejected: User unknown`;
  const host = r.recipient.slice(r.recipient.indexOf("@") + 1);
  const boundary = `report-${randomUUID()}`;
  const raw = [
    `From: MAILER-DAEMON@mx.${host} (Mail Delivery System)`,
    `To: ${r.returnPath}`,
    `Subject: Undelivered Mail Returned to Sender`,
    `Date: ${new Date().toUTCString()}`,
    `Message-Id: ${r.messageId ?? `<${randomUUID()}@mx.${host}>`}`,
    `Auto-Submitted: auto-replied`,
    `MIME-Version: 1.0`,
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    ``,
    `--${boundary}`,
    `Content-Type: text/plain; charset=us-ascii`,
    ``,
    `This is the mail system at host mx.${host}.`,
    ``,
    `<${r.recipient}>: ${diagnostic}`,
    ``,
    `--${boundary}`,
    `Content-Type: message/delivery-status`,
    ``,
    `Reporting-MTA: dns; mx.${host}`,
    ``,
    `Final-Recipient: rfc822; ${r.recipient}`,
    `Original-Recipient: rfc822;${r.recipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    ``,
    `--${boundary}`,
    `Content-Type: text/rfc822-headers`,
    ``,
    `Return-Path: <${r.returnPath}>`,
    `Message-ID: ${r.originalMessageId}`,
    `To: ${r.recipient}`,
    ``,
    `--${boundary}--`,
    ``,
  ].join("\r\n");
  return { envelope: { from: "", to: [r.returnPath] }, raw };
}
