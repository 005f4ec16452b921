import type { DeliveryOutcome, RecipientOutcome } from "./delivery-outcome.ts";
import { statusOfReply } from "./smtp-status.ts";

// What nodemailer (7.x) reports: its SMTP Connection page documents `accepted` / `rejected` (and, since
// smtp-connection 2.6, `rejectedErrors`) on a send's info; the failures below are read from
// lib/smtp-connection's source (_actionRCPT, _actionDATA, _actionSMTPStream):
// - some recipients refused at RCPT, others accepted: the send succeeds; the info has `accepted`,
//   `rejected` and `rejectedErrors` (one Error per refused recipient: `recipient`, `responseCode`,
//   `response`, `command: "RCPT TO"`), and `response`, the reply to the message's final dot;
// - every recipient refused at RCPT: the send fails with code EENVELOPE, `command: "RCPT TO"`, the last
//   reply as `response`/`responseCode`, and `rejected` / `rejectedErrors` as above;
// - refused at DATA (the DATA command, or the reply after the final dot): the send fails with
//   `command: "DATA"` and that reply. The recipients refused at RCPT before it are not reported then:
//   they get the DATA refusal too;
// - anything else (connection, TLS, AUTH, MAIL FROM): an error without a recipient's verdict.

type Address = string | { address: string };

/** The fields of nodemailer's SentMessageInfo that say what became of each recipient. */
export type SmtpSendInfo = {
  accepted?: readonly Address[];
  rejected?: readonly Address[];
  rejectedErrors?: readonly SmtpReplyError[];
  response?: string;
};

/** The fields of nodemailer's errors (SMTPError) that name a recipient and the server's reply. */
export type SmtpReplyError = {
  recipient?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
  rejected?: readonly Address[];
  rejectedErrors?: readonly SmtpReplyError[];
};

export type SmtpSendOutcomes = {
  outcomes: RecipientOutcome[];
  /** The failure when it says nothing about any recipient (connection, AUTH, MAIL FROM...), else null. */
  unattributed: string | null;
};

/**
 * Per recipient of one SMTP transaction, what the relay said, from nodemailer's result or its error.
 * `recipients` are the notice's (lower-case) envelope recipients.
 */
export function smtpSendOutcomes(
  send: { noticeId: string; recipients: readonly string[]; at: Date } & (
    { info: SmtpSendInfo; error?: undefined } | { error: unknown; info?: undefined }
  ),
): SmtpSendOutcomes {
  const { noticeId, recipients, at } = send;
  const outcome = (recipient: string, o: Omit<DeliveryOutcome, "noticeId" | "at">): RecipientOutcome => ({
    recipient,
    outcome: { noticeId, at, ...o },
  });
  const refusal = (recipient: string, stage: "rcpt" | "data", reply: SmtpReplyError | undefined) =>
    outcome(recipient, {
      kind: "refused",
      stage,
      status: statusOfReply(reply?.response, reply?.responseCode),
      diagnostic: reply?.response ?? reply?.message ?? null,
    });
  const refusedAtRcpt = (report: SmtpSendInfo | SmtpReplyError) => {
    const rejected = new Set((report.rejected ?? []).map(addressOf));
    const errors = new Map((report.rejectedErrors ?? []).map((e) => [e.recipient?.toLowerCase(), e]));
    return recipients.filter((r) => rejected.has(r) || errors.has(r)).map((r) => refusal(r, "rcpt", errors.get(r)));
  };

  if (send.info) {
    const accepted = new Set((send.info.accepted ?? []).map(addressOf));
    const status = statusOfReply(send.info.response) ?? "2.0.0";
    return {
      outcomes: [
        ...recipients
          .filter((r) => accepted.has(r))
          .map((r) => outcome(r, { kind: "accepted", stage: "data", status, diagnostic: send.info.response ?? null })),
        ...refusedAtRcpt(send.info),
      ],
      unattributed: null,
    };
  }

  const err = (send.error ?? {}) as SmtpReplyError;
  if (err.command === "RCPT TO" && (err.rejected?.length || err.rejectedErrors?.length)) {
    return { outcomes: refusedAtRcpt(err), unattributed: null };
  }
  if (err.command === "DATA" && err.responseCode) {
    return { outcomes: recipients.map((r) => refusal(r, "data", err)), unattributed: null };
  }
  return { outcomes: [], unattributed: err.response ?? err.message ?? String(send.error) };
}

const addressOf = (a: Address) => (typeof a === "string" ? a : a.address).toLowerCase();
