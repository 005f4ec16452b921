export { AppError, notFound, type ErrorCode, type ErrorDetail } from "./errors.ts";
export type { Actor } from "./actor.ts";
export { NOTICE_KINDS, NOTICE_STATUSES, type NoticeKind, type NoticeStatus } from "./notice-states.ts";
export { STAFF_ROLES, roleIncludes, lesserRole, type StaffRole } from "./staff-role.ts";
export { noticeToken, tokenHash } from "./notice-token.ts";
export { parseIp, parseCidr, type IpAddress, type Cidr } from "./match/ip-address.ts";
export { PrefixTrie } from "./match/prefix-trie.ts";
export {
  buildMatcher,
  buildMatcherInTurns,
  MATCH_REASONS,
  MATCH_CACHE_SIZE,
  type Matcher,
  type MatchInput,
  type MatchReason,
  type MatchResult,
  type Candidate,
  type RegistrySnapshot,
} from "./match/matcher.ts";
export {
  ROLES,
  ROLE_NAMES,
  NEVER_ROUTES,
  headerMap,
  roleOfName,
  isRole,
  type Role,
  type HeaderMap,
} from "./ingest/column-roles.ts";
export { detectFormat, looksBinary, type InputFormat, type Detected } from "./ingest/detect-format.ts";
export {
  planColumns,
  type ReadOptions,
  type LayoutInfo,
  type LayoutKind,
  type RoleSource,
} from "./ingest/plan-columns.ts";
export {
  REPORT_TYPES,
  reportType,
  reportTypeOfFileName,
  reportTypesOfHeader,
  narrowByIpVersion,
} from "./ingest/shadowserver/report-types.ts";
export {
  SEVERITY_LEVELS,
  type ReportTypeSpec,
  type Severity,
  type Classification,
} from "./ingest/shadowserver/report-type-spec.ts";
export { JsonRows, MAX_JSON_DEPTH } from "./ingest/json-rows.ts";
export { listReport, intelMqClassification, type ListReport } from "./ingest/list-report.ts";
export { normaliseHostname, parsePort, parseAsn, parseTimestamp } from "./ingest/normalise-values.ts";
export {
  normaliseRow,
  parseAddress,
  hostKey,
  addressText,
  parseIpOrNetwork,
  type ExposureRow,
  type RowError,
  type RowResult,
  rawJson,
} from "./ingest/normalise-row.ts";
export { readExposures, type ExposureVisitor, type ReadLayout, type ReadResult } from "./ingest/read-exposures.ts";
export { PlainCsvRow, readPlainCsvLine, plainRowResult } from "./ingest/plain-csv-row.ts";
export { CsvRecords, MAX_RECORD_BYTES, type CsvRecord } from "./ingest/csv-records.ts";
export { KeySet } from "./ingest/key-set.ts";
export {
  validateOrganization,
  readRegistryFile,
  normaliseDomain,
  normaliseCidr,
  contactSchema,
  fallbackEmailSchema,
  LANGUAGES,
  CONTACT_ROLES,
  type ContactRole,
  type OrganizationRecord,
  type ContactRecord,
  type Language,
  type RegistryEntry,
} from "./registry/organization-record.ts";
export { csvCell, csvRow } from "./csv-cell.ts";
export { formatNoticeReference, NOTICE_REFERENCE_PATTERN } from "./notice-reference.ts";
export { TLP_LEVELS, tlpLabel, type TlpLevel } from "./tlp.ts";
export {
  SEVERITIES,
  adviceSchema,
  adviceByLanguageSchema,
  adviceFor,
  campaignInputSchema,
  campaignPatchSchema,
  type Advice,
  type AdviceByLanguage,
  type CampaignInput,
  type CampaignPatch,
} from "./campaign.ts";
export { noticeRecipients, type ContactForNotice } from "./notice-recipients.ts";
export { listedHost, type CampaignHost, type HostReport, type NoticeHost, type ListedHost } from "./campaign-host.ts";
export { listDeletionRefusal, type ListDeletionCampaign, type ListDeletionPlan } from "./list-deletion.ts";
export { issueFormToken, checkFormToken, type FormTokenCheck, type FormPurpose } from "./forms/form-token.ts";
export * from "./reports/index.ts";
export * from "./remediation/index.ts";
export * from "./classification/index.ts";
export * from "./xarf/index.ts";
export * from "./feeds/index.ts";
export * from "./api-tokens/index.ts";
export * from "./delivery/index.ts";
export * from "./reach/index.ts";
export * from "./search/index.ts";
