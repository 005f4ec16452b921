export { openOwnerLink, type OwnerLink } from "./open-owner-link.ts";
export { getOwnerView, type OwnerView } from "./get-owner-view.ts";
export { recordOwnerReplies, type RecordedReplies } from "./record-owner-replies.ts";
export { revokeNoticeLink } from "./revoke-notice-link.ts";
export { listCampaignHosts, type HostFilter, type CampaignHostRow } from "./list-campaign-hosts.ts";
export { getCampaignProgress, type ProgressDay } from "./get-campaign-progress.ts";
export { remindCampaign, type RemindResult } from "./remind-campaign.ts";
export { CLAIMED_FIXED_STILL_SEEN, findStillSeenHosts, STILL_SEEN, type StillSeenHost } from "./still-seen.ts";
export { reminderSchedulerId, setReminderSchedule, syncReminderSchedule } from "./reminder-schedule.ts";
