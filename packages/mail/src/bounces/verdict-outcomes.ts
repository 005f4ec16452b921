import { matchRecipient, type DeliveryOutcome, type RecipientOutcome } from "@baken/core";
import type { BounceVerdict, ReportedRecipient } from "./bounce-verdict.ts";

/**
 * What a verdict means for each recipient of the notice it names: outcomes to record, and the reported
 * recipients that match none of the notice's (kept on the notice for staff, marking nobody). Nothing for
 * a verdict without a valid tag or of kind `unknown`.
 */
export function verdictOutcomes(
  verdict: BounceVerdict,
  noticeRecipients: readonly string[],
  at: Date,
): { outcomes: RecipientOutcome[]; unattributed: ReportedRecipient[] } {
  const none = { outcomes: [], unattributed: [] };
  const noticeId = verdict.noticeId;
  if (!noticeId || verdict.kind === "unknown") return none;

  if (verdict.kind === "auto-reply") {
    const match = matchRecipient(noticeRecipients, { address: verdict.from });
    const outcome: DeliveryOutcome = {
      noticeId,
      at,
      kind: "auto-reply",
      stage: "report",
      status: null,
      diagnostic: verdict.reason,
    };
    return match ? { outcomes: [{ recipient: match.recipient, outcome }], unattributed: [] } : none;
  }

  const outcomes: RecipientOutcome[] = [];
  const unattributed: ReportedRecipient[] = [];
  for (const reported of verdict.recipients) {
    const match = matchRecipient(noticeRecipients, reported);
    if (!match) {
      unattributed.push(reported);
      continue;
    }
    const kind = reported.action === "failed" ? "failed" : reported.action === "delayed" ? "delayed" : "delivered";
    // A forward or alias behind the contact's address: say where it ended.
    const via = reported.address !== match.recipient ? ` (reported for ${reported.address})` : "";
    outcomes.push({
      recipient: match.recipient,
      outcome: {
        noticeId,
        at,
        kind,
        stage: "report",
        status: reported.status,
        diagnostic: `${reported.diagnostic ?? ""}${via}`.trim() || null,
      },
    });
  }
  return { outcomes, unattributed };
}
