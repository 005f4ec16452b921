import { isArrival, isPermanentFailure, type RecipientOutcome } from "./delivery-outcome.ts";

/**
 * One recipient of a notice: `reached` (arrived, or accepted with no failure or delay reported since),
 * `failed` (it will not arrive), `pending` (not sent yet, being retried, or a delay reported).
 */
export type RecipientReach = "reached" | "failed" | "pending";

/** `bounced`: no recipient reached and none can be any more; the notice must never count as sent. */
export type NoticeReach = { state: "reached" | "bounced" | "pending"; recipients: Map<string, RecipientReach> };

/**
 * Where a notice got, from its recipients' outcomes. `attemptsOver`: the delivery job made its last
 * attempt, so a recipient last refused with a 4xx will not be tried again and counts as failed for this
 * notice (for the contact it stays one temporary failure). A delay report keeps a recipient pending: the
 * relay that sent it is still trying and reports again when it gives up.
 * Evidence of arrival wins over a failure: an alias that expands to several mailboxes can bounce for one
 * and deliver to another.
 */
export function noticeReach(
  recipients: readonly string[],
  outcomes: readonly RecipientOutcome[],
  options: { attemptsOver: boolean },
): NoticeReach {
  const byRecipient = new Map<string, RecipientReach>();
  for (const recipient of recipients) {
    const own = outcomes
      .filter((o) => o.recipient === recipient)
      .map((o) => o.outcome)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const last = own.at(-1);
    let reach: RecipientReach;
    if (own.some(isArrival)) reach = "reached";
    else if (own.some(isPermanentFailure)) reach = "failed";
    else if (last?.kind === "accepted") reach = "reached";
    else if (last?.kind === "refused" && options.attemptsOver) reach = "failed";
    else reach = "pending";
    byRecipient.set(recipient, reach);
  }
  const states = [...byRecipient.values()];
  const state = states.includes("reached")
    ? "reached"
    : states.length > 0 && states.every((s) => s === "failed")
      ? "bounced"
      : "pending";
  return { state, recipients: byRecipient };
}
