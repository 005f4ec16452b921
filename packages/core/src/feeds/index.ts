export {
  SHADOWSERVER_API_URL,
  SHADOWSERVER_DOWNLOAD_URL,
  SHADOWSERVER_SIGNATURE_HEADER,
  MAX_LIST_DAYS,
  shadowserverSignature,
  reportListBody,
  parseReportList,
  datesBetween,
  type ReportListFilter,
  type ListedReport,
} from "./shadowserver-api.ts";
export { sealSecret, openSecret } from "./sealed-secret.ts";
export { feedScheduleProblem } from "./feed-schedule.ts";
export {
  FEED_KINDS,
  FEED_MAX_LOOKBACK_DAYS,
  feedRuleSchema,
  feedSourceInputSchema,
  feedSourcePatchSchema,
  apiKeyHint,
  type FeedKind,
  type FeedRule,
  type FeedSourceInput,
  type FeedSourcePatch,
} from "./feed-source-input.ts";
