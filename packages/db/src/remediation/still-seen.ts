/**
 * "Claimed fixed, still seen" on campaign_host (alias h): the owner said patched or mitigated, and a list
 * uploaded after that answer still had the host. Such a host is usually `remediated` (ingest keeps that
 * state when it sees it again), or `notified` when it had gone and came back.
 */
export const CLAIMED_FIXED_STILL_SEEN = `coalesce(h.state IN ('notified', 'remediated')
  AND h.answer IN ('patched', 'mitigated') AND h.last_seen_at > h.answered_at, false)`;

/**
 * The hosts a reminder is about ("still seen"), as a condition on campaign_host (alias h): notified and
 * never answered, or claimed fixed and still seen. A host answered "investigating" or "needs help" is being
 * handled and is not chased; not-ours and gone hosts are closed. Reminders do not link hosts
 * (campaign_host.notice_id stays the initial notice), so the reminder mail derives its hosts from this
 * condition over (campaign, organization) when it is rendered: findStillSeenHosts.
 */
export const STILL_SEEN = `h.notice_id IS NOT NULL AND (
  (h.state = 'notified' AND h.answer IS NULL) OR ${CLAIMED_FIXED_STILL_SEEN})`;
