import { isArrival, isPermanentFailure, isTemporaryFailure, type DeliveryOutcome } from "./delivery-outcome.ts";

/** Temporary failures in a row that count as a permanent one, when they span at least TEMPORARY_SPAN_MS. */
export const TEMPORARY_FAILURES_LIMIT = 3;
export const TEMPORARY_SPAN_MS = 24 * 60 * 60 * 1000;

export type Deliverability =
  | { deliverable: true; temporaryFailures: number }
  | {
      deliverable: false;
      reason: "permanent failure" | "repeated temporary failures";
      /** When the deciding outcome happened: the contact is undeliverable since then. */
      since: Date;
      /** The outcome that decided (its notice, status and diagnostic are the "why" staff see). */
      decidedBy: DeliveryOutcome;
      temporaryFailures: number;
    };

/**
 * Whether a contact can still be mailed, from its delivery history (every outcome of every notice sent
 * to it, each event once: the caller keeps duplicate reports out).
 * - a permanent failure (5.x.x at RCPT or DATA, or a report of failure) makes it undeliverable at once;
 * - temporary failures (4.x.x, delay reports) are counted: TEMPORARY_FAILURES_LIMIT in a row spanning at
 *   least TEMPORARY_SPAN_MS count as permanent;
 * - a success resets the count: a report of arrival, or the relay's acceptance of a notice for which no
 *   failure or delay came back later (an acceptance that a bounce contradicts was no success);
 * - `since`: outcomes before it are ignored (staff marked the contact fixed, or edited its address).
 * Once undeliverable it stays so until staff act: the first deciding outcome is the answer.
 */
export function contactDeliverability(
  history: readonly DeliveryOutcome[],
  options: { since?: Date } = {},
): Deliverability {
  const events = history
    .filter((o) => !options.since || o.at >= options.since)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const lastFailureAt = new Map<string, number>();
  for (const o of events) {
    if (isPermanentFailure(o) || isTemporaryFailure(o)) lastFailureAt.set(o.noticeId, o.at.getTime());
  }

  let streak: DeliveryOutcome[] = [];
  for (const o of events) {
    if (isPermanentFailure(o)) {
      return {
        deliverable: false,
        reason: "permanent failure",
        since: o.at,
        decidedBy: o,
        temporaryFailures: streak.length,
      };
    }
    if (isTemporaryFailure(o)) {
      streak.push(o);
      const span = o.at.getTime() - streak[0]!.at.getTime();
      if (streak.length >= TEMPORARY_FAILURES_LIMIT && span >= TEMPORARY_SPAN_MS) {
        return {
          deliverable: false,
          reason: "repeated temporary failures",
          since: o.at,
          decidedBy: o,
          temporaryFailures: streak.length,
        };
      }
    } else if (isArrival(o) || (o.kind === "accepted" && (lastFailureAt.get(o.noticeId) ?? -1) < o.at.getTime())) {
      streak = [];
    }
  }
  return { deliverable: true, temporaryFailures: streak.length };
}
