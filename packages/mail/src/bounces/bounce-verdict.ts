/** RFC 3464 §2.3.3 actions. */
export type DsnAction = "failed" | "delayed" | "delivered" | "relayed" | "expanded";

/** One recipient a delivery report speaks of. */
export type ReportedRecipient = {
  /** The address the report says delivery was attempted to (DSN Final-Recipient), lower-case. */
  address: string;
  /** The address as the sender gave it (DSN Original-Recipient, Postfix's "expanded from"), if stated. */
  originalAddress: string | null;
  action: DsnAction;
  /** RFC 3463 status, x.y.z. */
  status: string;
  /** `failed` is final whatever the status (a DSN that gave up on a 4.x.x is still a failure). */
  permanent: boolean;
  /** The remote server's words (DSN Diagnostic-Code, or the reply quoted in the text). */
  diagnostic: string | null;
};

/** Which layout recognised the message. */
export type ReportLayout = "rfc3464" | "exchange" | "exim" | "qmail" | "postfix" | "gmail" | "auto-reply";

/**
 * What an inbound message to the bounce address says.
 * - `bounce`: delivery failed for at least one recipient; `delay`: only delays reported;
 * - `auto-reply`: an out-of-office or a ticket system's acknowledgement: the notice arrived;
 * - `unknown`: nothing to act on (spam, a human, an unreadable or unrecognised report): keep it for staff.
 * `noticeId` is set only when the message came to a tag with a valid signature (`tag: "valid"`): only then
 * may the verdict touch a notice or a contact.
 */
export type BounceVerdict = {
  kind: "bounce" | "delay" | "auto-reply" | "unknown";
  layout: ReportLayout | null;
  recipients: ReportedRecipient[];
  noticeId: string | null;
  /** `invalid`: addressed to a tag that is malformed or forged; `none`: to no tag at all. */
  tag: "valid" | "invalid" | "none";
  /** This message's own Message-ID: the same report delivered twice has the same one (store it once). */
  messageId: string | null;
  /** The Message-ID of the returned message (our notice's), when the report includes it. */
  originalMessageId: string | null;
  /** The report's sender: an auto-reply is attributed to the recipient by it. */
  from: string | null;
  subject: string | null;
  /** Why this verdict: what was recognised, or why nothing was. */
  reason: string;
};
