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
