export {
  deliverNotice,
  DeliveryError,
  type Admit,
  type DeliverInput,
  type DeliverOutcome,
  type DeliveryCtx,
} from "./deliver-notice.ts";
export { listCampaignNotices } from "./list-campaign-notices.ts";
export { renderNoticeContent, type NoticeContent, type ViewHost } from "./notice-view.ts";
export { noticeHosts } from "./notice-hosts.ts";
