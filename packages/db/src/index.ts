// The one data-access layer: every SQL statement, transaction and lock of Baken is in this package
// (see README.md). Use cases call these functions with the database (Db) or a transaction (Tx).

export { createDb, type Db } from "./client.ts";
export { withTransaction, type Tx, type Conn, type TransactionOptions } from "./transaction.ts";
export { withClient, withClientTransaction, isConnectionLost, connectionLostError } from "./checkout.ts";
export { databaseAnswers } from "./health.ts";
export { isUniqueViolation } from "./errors.ts";
export { migrate, MigrationError, type MigrationResult } from "./migrate.ts";
export { MIGRATIONS_DIR } from "./paths.ts";
export { ensureDatabase } from "./ensure-database.ts";

export { recordAudit, findAuditEvents, type AuditEntry, type AuditQuery, type AuditRow } from "./audit/audit-events.ts";

// Lists and exposures: the upload's COPY writer and its helpers, re-matching, campaign hosts.
export { ExposureCopy, matchTail } from "./lists/exposure-copy.ts";
export { copyExposures } from "./lists/copy-exposures.ts";
export { BIG_LIST_ROWS, type ListTableOptions } from "./lists/list-tables.ts";
export { ErrorSpool } from "./lists/error-spool.ts";
export { CandidateSets, SAVE_CANDIDATE_SETS_AT } from "./lists/candidate-sets.ts";
export { lockOwners } from "./lists/lock-owners.ts";
export { rematchRows, type AffectedExposures } from "./lists/rematch-rows.ts";
export { syncCampaignHosts, type SyncCampaignHostsResult } from "./lists/sync-campaign-hosts.ts";
export {
  deleteListRow,
  findExpiredLists,
  findListCampaign,
  findListDeletionPlan,
  releaseListHosts,
  type StoredListDeletionPlan,
} from "./lists/delete-list.ts";
export {
  insertPendingList,
  findListBySha256,
  finishList,
  lockList,
  setListCampaign,
  listExists,
  type FinishedList,
  type LockedList,
} from "./lists/exposure-lists.ts";
export { findListExposures, upsertManualAssignments } from "./lists/manual-assignments.ts";
export {
  findLists,
  findList,
  findListMatches,
  findExposures,
  findListErrors,
  type ListSummaryRow,
  type ExposureView,
  type Page,
} from "./lists/list-views.ts";

// Registry.
export { readRegistryVersion, loadRegistrySnapshot } from "./registry/registry-snapshot.ts";
export { organizationNames } from "./registry/organization-names.ts";
export {
  findOrganizationView,
  findOrganization,
  findOrganizations,
  organizationExists,
  organizationNamed,
  insertOrganization,
  updateOrganization,
  deleteOrganization,
  type OrganizationView,
  type OrganizationFields,
  type ContactView,
} from "./registry/organizations.ts";
export { findContact, contactExists, insertContact, updateContact, deleteContact } from "./registry/contacts.ts";
export { upsertOrganizations } from "./registry/import-organizations.ts";
export { insertIdentifier, deleteIdentifier, type IdentifierKind } from "./registry/identifiers.ts";

// Campaigns and notices.
export { lockCampaignSend, lockCampaignReminders } from "./locks.ts";
export {
  campaignExists,
  findCampaign,
  insertCampaign,
  updateCampaign,
  adoptListClassification,
  deleteCampaign,
  countCampaignNotices,
  findReminderInterval,
  setReminderInterval,
  findCampaignDetail,
  findCampaigns,
} from "./campaigns/campaigns.ts";
export { findDueHosts, countQuietHosts, findRecipients, type DueHost } from "./campaigns/due-hosts.ts";
export {
  nextNoticeNumbers,
  insertInitialNotices,
  findQueuedNoticeIds,
  type NewInitialNotice,
} from "./campaigns/initial-notices.ts";
export {
  claimNotice,
  noticeExists,
  releaseNoticeClaim,
  recordNoticeFailure,
  recordNoticeSent,
  noticeHosts,
  type ClaimedNotice,
  type NoticeCampaign,
} from "./notices/deliveries.ts";
export { findPendingNotices, stillPending, noteWaitingNotice, noteHeldBackNotice } from "./notices/stuck-notices.ts";
export { findCampaignNotices, findOrganizationNotices, campaignDelivery } from "./notices/notice-lists.ts";
export {
  insertDeliveryOutcomes,
  noticeOutcomes,
  contactHistories,
  setContactDeliverability,
  markContactFixed,
  findContactsToFix,
  findNoticeDeliveries,
  findNoticeDeliveryHead,
  type ContactHistory,
  type ContactToFix,
} from "./notices/delivery-outcomes.ts";
export {
  lockNoticeForReach,
  markNoticeBounced,
  fallbackMailbox,
  insertRedirect,
  flagNoDeliverableContact,
  type NoticeForReach,
} from "./notices/notice-redirects.ts";
export {
  insertBounceMessage,
  setBounceUnattributed,
  findNoticeBounceMessages,
  findUnhandledBounceMessages,
  type NewBounceMessage,
  type BounceMessageView,
} from "./notices/bounce-messages.ts";

// Remediation: owners' links, pages and answers, follow-up, reminders.
export { findOwnerLink, findNoticeLink, revokeLink, extendLinks, type OwnerLink } from "./remediation/owner-links.ts";
export { findOwnerView } from "./remediation/owner-view.ts";
export { lockOwnerHosts, insertReplies, setHostAnswer } from "./remediation/owner-replies.ts";
export {
  findCampaignHosts,
  findStillSeenHosts,
  type HostFilter,
  type CampaignHostRow,
  type StillSeenHost,
} from "./remediation/campaign-hosts.ts";
export {
  findProgressDays,
  findProgressTotals,
  findProgressMedians,
  type ProgressDay,
  type ProgressTotals,
} from "./remediation/campaign-progress.ts";
export {
  findOrganizationProgress,
  findSectorProgress,
  type OrganizationProgress,
  type OrganizationProgressQuery,
  type SectorProgress,
} from "./remediation/progress-breakdown.ts";
export { findReminderCandidates, insertReminders, type ReminderCandidate } from "./remediation/reminders.ts";

// Incident reports.
export {
  findSubmission,
  formNonceUsed,
  nextReferenceNumber,
  findNoticeOrganization,
  insertIncidentReport,
  lockReport,
  findReportForConfirmation,
  markConfirmationSent,
  findUnconfirmedReports,
  findReports,
  findReport,
  findReportTriage,
  updateReportTriage,
  findReportReference,
  insertReportNote,
  findReportAttachment,
  type NewIncidentReport,
  type NewReportAttachment,
  type ReportQuery,
  type ReportTriage,
} from "./reports/incident-reports.ts";
export {
  insertReportReply,
  lockReportReply,
  markReplySent,
  markReplyFailed,
  findUnsentReplies,
  findAssignableStaff,
  type ReplyToSend,
} from "./reports/report-replies.ts";

// Feeds: sources, their rules, their pulls, the reports they brought in.
export {
  insertFeedSource,
  updateFeedSource,
  setFeedRules,
  findFeedSource,
  findFeedSources,
  deleteFeedSource,
  missingCampaigns,
  type FeedSourceRow,
  type FeedSourceFields,
} from "./feeds/feed-sources.ts";
export {
  startFeedPull,
  finishFeedPull,
  findFeedPulls,
  findLatestFeedPulls,
  CUT_SHORT,
  type FeedPullRow,
  type FeedPullResult,
  type FeedPullTrigger,
  type FeedPullStatus,
  type ReportOutcome,
} from "./feeds/feed-pulls.ts";
export {
  findFeedReports,
  insertIngestedFeedReport,
  insertDuplicateFeedReport,
  type NewFeedReport,
} from "./feeds/feed-reports.ts";

// Reach: RIPE imports and their rows; the network's abuse contact of addresses.
export {
  insertRipeImport,
  startRipeImport,
  setRipeImportProgress,
  failRipeImport,
  activateRipeImport,
  findRipeImports,
  findRipeImport,
  activeRipeImportId,
  whileRunningRipeImport,
  type RipeSession,
  failInterruptedRipeImports,
  INTERRUPTED as RIPE_IMPORT_INTERRUPTED,
  type RipeImportRow,
  type RipeImportFile,
  type RipeImportProgress,
  type RipeImportStatus,
} from "./reach/ripe-imports.ts";
export {
  copyRipeRows,
  openRipeRowCopy,
  networkAbuseContacts,
  type NetworkAbuseContact,
  type RipeRowCopy,
} from "./reach/ripe-rows.ts";
export { withRipeStaging, type RipeStaging } from "./reach/ripe-staging.ts";
export { readFallbackVersion, loadFallbackData } from "./reach/fallback-data.ts";
export { ensureAbuseContactOrganizations } from "./reach/abuse-contact-organizations.ts";
export { insertRipeMailboxes, ripeMailboxCountries, type RipeMailboxCountry } from "./reach/ripe-mailboxes.ts";
export {
  listLookupAsns,
  rdapAsnDue,
  saveRdapAsnLookup,
  addRdapAsnAnswers,
  type RdapAsnLookupRow,
} from "./reach/rdap-asn-lookups.ts";
export {
  listLookupTargets,
  securityTxtDue,
  saveSecurityTxtLookup,
  rdapCoveredPrefixes,
  saveRdapLookup,
  markContactsLookedUp,
  listsAwaitingContactLookups,
  type LookupOutcome,
  type SecurityTxtLookupRow,
  type RdapLookupRow,
} from "./reach/contact-lookups.ts";
export {
  findContactOverrides,
  insertContactOverride,
  deleteContactOverride,
  type ContactOverrideRow,
} from "./reach/contact-overrides.ts";
export {
  findAbuseContactForUpdate,
  promoteAbuseContact as promoteAbuseContactRow,
  setAbuseContactBlocked,
  type AbuseContactState,
} from "./reach/abuse-contact-admin.ts";

// Staff.
export {
  findStaffUser,
  findStaffUserByEmail,
  insertStaffUser,
  recordStaffLogin,
  countStaffUsers,
  findAllStaffUsers,
  lockStaffUser,
  countOtherActiveAdmins,
  updateStaffUser,
  endStaffSessions,
  type StaffUserRow,
  type StaffListRow,
} from "./staff/staff-users.ts";
export {
  insertApiToken,
  findApiToken,
  findApiTokens,
  revokeApiToken,
  findApiTokenCredential,
  recordApiTokenUse,
  type ApiTokenRow,
  type ApiTokenCredential,
} from "./staff/api-tokens.ts";

// The console's signals, search and overview.
export {
  findSignals,
  countOpenSignals,
  signalExists,
  insertSignalHandling,
  SIGNAL_KINDS,
  UNREACHED_NOTICE_STATUSES,
  type SignalKind,
  type SignalRow,
  type SignalQuery,
} from "./signals/signals.ts";
export { searchEverything, GROUP_LIMIT, COUNT_CAP, type SearchResult } from "./search/search.ts";
export {
  findCampaignFigures,
  findRegistryFigures,
  TREND_DAYS,
  type CampaignFigures,
  type RegistryFigures,
} from "./overview/overview.ts";
export {
  findNoticeDetail,
  findNoticeAttempts,
  findNoticeReplies,
  findFollowingNotices,
  lockNotice,
  resendExists,
  insertResend,
  type NoticeDetailRow,
} from "./notices/notice-detail.ts";

export * from "./generated/client.ts";
