export {
  deliverNotice,
  DeliveryError,
  type Admit,
  type DeliverInput,
  type DeliverOutcome,
  type DeliveryCtx,
} from "./deliver-notice.ts";
export { listCampaignNotices } from "./list-campaign-notices.ts";
export { renderNoticeContent, type NoticeContent } from "./notice-view.ts";
export { requeueStuckNotices, type RequeueStuckResult } from "./requeue-stuck-notices.ts";
export { recordStalledNotice, STALLED_REASON } from "./record-stalled-notice.ts";
export { getNotice } from "./get-notice.ts";
export { resendNotice } from "./resend-notice.ts";
export { applyDeliveryOutcomes, type AppliedOutcomes } from "../delivery/apply-outcomes.ts";
export { takeBounce, type TakenBounce } from "../delivery/take-bounce.ts";
export { markContactDeliverable, listContactsToFix, noticeDelivery } from "../delivery/contact-health.ts";
