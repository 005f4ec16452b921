import { contactDeliverability, noticeReach, type NoticeReach, type RecipientOutcome } from "@baken/core";
import {
  contactHistories,
  fallbackMailbox,
  flagNoDeliverableContact,
  insertDeliveryOutcomes,
  insertRedirect,
  lockNoticeForReach,
  markNoticeBounced,
  noticeOutcomes,
  setContactDeliverability,
  type Tx,
} from "@baken/db";

export type AppliedOutcomes = {
  reach: NoticeReach["state"] | null;
  /** The notice became `bounced` now (not before). */
  bounced: boolean;
  /** The redirect created now, to enqueue after commit; null when none (one exists, or no fallback). */
  redirectId: string | null;
};

/**
 * Records outcomes of one notice's recipients and draws the consequences, inside the caller's transaction:
 * - each contact concerned is judged again on its whole history (@baken/core contactDeliverability);
 * - when the notice reached nobody (noticeReach `bounced`) it becomes `bounced`, and is redirected once to
 *   the organization's fallback contact, or the organization is flagged "no deliverable contact".
 * The notice row is locked first, so a send's result and a report about the same notice, or two reports,
 * decide one after the other; the redirect is once by the database's unique redirect_of.
 */
export async function applyDeliveryOutcomes(
  tx: Tx,
  noticeId: string,
  outcomes: readonly RecipientOutcome[],
  options: { attemptsOver: boolean; bounceMessageId?: string; why?: string },
): Promise<AppliedOutcomes> {
  const notice = await lockNoticeForReach(tx, noticeId);
  if (!notice) return { reach: null, bounced: false, redirectId: null };
  await insertDeliveryOutcomes(tx, outcomes, options.bounceMessageId);

  const addresses = [...new Set(outcomes.map((o) => o.recipient))];
  for (const contact of await contactHistories(tx, notice.organizationId, addresses)) {
    await setContactDeliverability(
      tx,
      contact.id,
      contactDeliverability(contact.history, { since: contact.since ?? undefined }),
    );
  }

  const recipients = notice.recipients.map((r) => r.toLowerCase());
  const reach = noticeReach(recipients, await noticeOutcomes(tx, noticeId), options);
  if (reach.state !== "bounced" || notice.status === "bounced") {
    return { reach: reach.state, bounced: false, redirectId: null };
  }
  await markNoticeBounced(tx, noticeId, options.why ?? "reached none of its recipients");
  // A redirect that bounces is not redirected again; a fallback that was a recipient already is no other.
  const fallback = notice.redirectOf ? null : await fallbackMailbox(tx, { ...notice, recipients });
  const redirectId = fallback ? await insertRedirect(tx, noticeId, fallback) : null;
  if (!redirectId) await flagNoDeliverableContact(tx, notice.organizationId, noticeId);
  return { reach: "bounced", bounced: true, redirectId };
}
