export { RSIT, RSIT_CLASSES, RSIT_TYPES, isRsitClass, isRsitTypeOf, type RsitClass, type RsitType } from "./rsit.ts";
export * from "./report-fields.ts";
export { reportVocabulary, rsitLabel, rsitTaxonomy, type ReportVocabulary } from "./i18n/index.ts";
export {
  validateReport,
  REPORT_LIMITS,
  type ReportDraft,
  type ReportField,
  type FieldProblem,
  type ProblemCode,
  type RawReport,
} from "./validate-report.ts";
export { parseWallTime, toWallTime } from "./wall-time.ts";
export {
  checkAttachment,
  cleanFileName,
  extensionOf,
  ATTACHMENT_EXTENSIONS,
  type AttachmentCheck,
} from "./attachment-type.ts";
export { thanksKey, checkThanksKey } from "./thanks-key.ts";
export { formatReportReference, REPORT_REFERENCE_SCOPE, REPORT_REFERENCE_PATTERN } from "./reference.ts";
export {
  REPORT_STATUSES,
  REPORT_PRIORITIES,
  NEXT_STATUSES,
  checkStatusChange,
  type ReportStatusValue,
  type ReportPriority,
} from "./report-status.ts";
