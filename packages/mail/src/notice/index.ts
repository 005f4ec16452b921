export { renderNotice, SAMPLE_SIZE, type RenderedNotice } from "./render-notice.ts";
export {
  hostsAttachment,
  hostRows,
  attachmentName,
  COMPRESS_ABOVE_HOSTS,
  CSV_HEADER,
  type HostsAttachment,
} from "./hosts-attachment.ts";
export { composeNoticeMail, type MailAttachment, type NoticeEnvelope, type NoticePgp } from "./compose-notice.ts";
export type { NoticeReport, NoticeView } from "./view.ts";
export { hostLine } from "./format.ts";
