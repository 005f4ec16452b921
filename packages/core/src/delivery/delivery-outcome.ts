import { isPermanentStatus } from "./smtp-status.ts";

/**
 * What one recipient of one notice did with it, as learned at one moment:
 * - `accepted`: the relay took it (RCPT and DATA answered 2xx); not proof of arrival;
 * - `refused`: the relay answered 4xx/5xx at RCPT or DATA;
 * - `failed`: a report came back later saying delivery failed (DSN `Action: failed`, or a bounce in
 *   another layout);
 * - `delayed`: a report saying delivery is still being retried (DSN `Action: delayed`, 4.x.x);
 * - `delivered`: a report saying it was delivered or relayed on (DSN `delivered`, `relayed`, `expanded`);
 * - `auto-reply`: the recipient's system answered automatically (out-of-office, ticket system): it arrived.
 */
export type OutcomeKind = "accepted" | "refused" | "failed" | "delayed" | "delivered" | "auto-reply";

export type DeliveryOutcome = {
  noticeId: string;
  at: Date;
  kind: OutcomeKind;
  /** `rcpt` / `data`: the SMTP transaction's reply; `report`: a message that came back later. */
  stage: "rcpt" | "data" | "report";
  /** RFC 3463 status (5.1.1) when known. */
  status: string | null;
  /** The server's or report's own words. */
  diagnostic: string | null;
};

/** An outcome and the notice recipient (lower-case address) it belongs to. */
export type RecipientOutcome = { recipient: string; outcome: DeliveryOutcome };

/** 5.x.x at RCPT or DATA, or any report of failure (a DSN's `failed` is final whatever its status). */
export const isPermanentFailure = (o: DeliveryOutcome): boolean =>
  o.kind === "failed" || (o.kind === "refused" && isPermanentStatus(o.status));

/** 4.x.x at RCPT or DATA (or a refusal without a status), or a report that delivery is delayed. */
export const isTemporaryFailure = (o: DeliveryOutcome): boolean =>
  o.kind === "delayed" || (o.kind === "refused" && !isPermanentStatus(o.status));

/** A report that the mail reached the recipient's system. */
export const isArrival = (o: DeliveryOutcome): boolean => o.kind === "delivered" || o.kind === "auto-reply";
