/**
 * What deleting a list would do to its campaign, counted over the campaign's hosts whose last list it is
 * (campaign_host.last_list_id: the newest list that saw the host, so every host only this list saw is one).
 */
export type ListDeletionCampaign = {
  id: string;
  name: string;
  /** The list is the campaign's newest (created last): it decided which of the campaign's hosts are gone. */
  newest: boolean;
  /** The campaign's other lists. */
  otherLists: number;
  /** The campaign's notices, sent or not. */
  notices: number;
  /** Hosts only this list saw that no notice has named (no notice, no answer): they leave the campaign. */
  hostsLeaving: number;
  /** Hosts another list of the campaign saw too: their last list becomes the newest of those. */
  hostsRelinked: number;
  /** Hosts only this list saw that a notice named (or an owner answered for). */
  hostsNamed: number;
};

export type ListDeletionPlan = {
  listId: string;
  fileName: string;
  /** The list's stored rows (its exposures), all deleted with it. */
  exposures: number;
  campaign: ListDeletionCampaign | null;
};

/**
 * Why the list cannot be deleted without changing its campaign's history, or null when it can. The
 * history (hosts notified, notices, answers, progress) is never changed by deleting a list, so:
 * - a host a notice named and that only this list saw would lose the list its notice (and any resend or
 *   redirect of it) reports it from;
 * - the newest list of a campaign that has sent notices made every host it did not see `gone`; which
 *   state each had before is not recorded, so it cannot be given back. A newer list of the campaign
 *   settles those hosts again; this list can then go. A campaign without notices has no history yet: its
 *   hosts are settled again by its next newest list.
 */
export function listDeletionRefusal(plan: ListDeletionPlan): string | null {
  const c = plan.campaign;
  if (!c) return null;
  if (c.hostsNamed > 0) {
    return (
      `${c.hostsNamed} host${c.hostsNamed === 1 ? "" : "s"} of campaign "${c.name}" that notices named ` +
      `${c.hostsNamed === 1 ? "was" : "were"} seen in this list only; their notices report them from it`
    );
  }
  if (c.newest && c.otherLists > 0 && c.notices > 0) {
    return (
      `This is the newest list of campaign "${c.name}", which has sent notices: the campaign's hosts it did ` +
      `not see were marked gone by it and cannot be given their state back. Upload the campaign's next list ` +
      `first; this one can then be deleted`
    );
  }
  return null;
}
