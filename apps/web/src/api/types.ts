// What the pages work with: the api's own answers and bodies (operations.ts, generated from its route schemas),
// named. The few types the console makes itself say what they add to those.

import type { ErrorDetail } from "./http.ts";
import { every, type Answer, type Body, type Query } from "./operations.ts";

// ---- staff and the console
export type Staff = Answer<"/api/auth/me", "get">;
export type Role = Staff["role"];
export type ConsoleSettings = Answer<"/console/config.json", "get">;

// ---- lists
export type UploadResult = Answer<"/api/lists/", "post">;
type ListRow = Answer<"/api/lists/", "get">["lists"][number];
export type OrgRef = NonNullable<Exposure["organization"]>;
/** A list with its campaign's name, which the console looks up (the api gives the id). */
export type ListSummary = ListRow & { campaign: OrgRef | null };
export type ListDetail = Answer<"/api/lists/{id}", "get"> & { campaign: OrgRef | null };
export type Exposure = Answer<"/api/lists/{id}/exposures", "get">["exposures"][number];
export type AssignInput = Body<"/api/lists/{id}/assign", "post">;

type ApiListPreview = Answer<"/api/lists/preview", "post">;
/** How an upload would be read; `problem.details` made the error details every page shows. */
export type ListPreview = Omit<ApiListPreview, "problem"> & {
  problem: { message: string; details: ErrorDetail[] } | null;
};
export type PreviewColumn = ListPreview["columns"][number];
export type PreviewRow = ListPreview["rows"][number];
export type ColumnRole = NonNullable<PreviewColumn["role"]>;
export const COLUMN_ROLES = every<ColumnRole>()(
  "ip",
  "network",
  "address",
  "hostname",
  "port",
  "protocol",
  "asn",
  "timestamp",
  "severity",
  "tag",
  "version",
);

/** One page of a paged answer, whichever its list is called there. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

// ---- organizations
export type OrgSummary = Answer<"/api/organizations/", "get">["organizations"][number];
export type OrgDetail = Answer<"/api/organizations/{id}", "get">;
export type Contact = OrgDetail["contacts"][number];
export type ContactRole = Contact["role"];
export const CONTACT_ROLES = every<ContactRole>()("abuse", "security", "technical");
export type Language = OrgDetail["language"];
export const LANGUAGES = every<Language>()("nl", "fr", "de", "en");

/**
 * One organization as the console's form edits it: the registry's import shape (POST /api/organizations)
 * with the flags and keys that later calls set; saving turns it into those calls.
 */
export type OrgInput = Pick<OrgDetail, "name" | "sector" | "country" | "language" | "active"> & {
  /** Where a notice that reached none of the contacts is re-sent once (OrgDetail's delivery.fallbackEmail). */
  fallbackEmail: string | null;
  contacts: Omit<Contact, "id" | "health">[];
  cidrs: string[];
  asns: number[];
  domains: string[];
};

type ApiImportResult = Answer<"/api/organizations/import", "post">;
/** The import's counts, its rejected lines made one detail per reason. */
export type ImportResult = Omit<ApiImportResult, "rejections"> & { errors: ErrorDetail[] };

export type PastNotice = Answer<"/api/organizations/{id}/notices", "get">["notices"][number];
export type ContactHealth = Contact["health"];
export type ContactToFix = Answer<"/api/organizations/contacts-to-fix", "get">["contacts"][number];

// ---- campaigns
export type Campaign = Answer<"/api/campaigns/{id}", "patch">;
export type CampaignDetail = Answer<"/api/campaigns/{id}", "get">;
type CampaignBody = Body<"/api/campaigns/", "post">;
/** A campaign as the form edits it: the body the api takes with every field given, the day as ISO text. */
export type CampaignInput = Required<Omit<CampaignBody, "compromiseSince">> & { compromiseSince: string | null };
export type Advice = NonNullable<CampaignInput["advice"][Language]>;
export type Severity = CampaignInput["severity"];
export const SEVERITIES = every<Severity>()("low", "medium", "high", "critical");
export type Tlp = Campaign["tlp"];
export type RsitTaxonomy = Answer<"/api/campaigns/rsit", "get">["classes"];
export const TLPS = every<Tlp>()("CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED");

export type Preview = Answer<"/api/campaigns/{id}/preview", "post">;
export type NoticePreview = Preview["notices"][number];
export type SendResult = Answer<"/api/campaigns/{id}/send", "post">;
export type RemindResult = Answer<"/api/campaigns/{id}/remind", "post">;
export type RequeueResult = Answer<"/api/campaigns/{id}/requeue-stuck", "post">;
export type NoticeList = Answer<"/api/campaigns/{id}/notices", "get">;
export type NoticeRow = NoticeList["notices"][number];
export type NoticeStatus = NoticeRow["status"];
export type DeliveryFigures = NoticeList["delivery"];
export type NoticeDelivery = Answer<"/api/campaigns/{id}/notices/{noticeId}/delivery", "get">;
export const NOTICE_STATUSES = every<NoticeStatus>()("queued", "sending", "sent", "failed", "bounced");

export type Progress = Answer<"/api/campaigns/{id}/progress", "get">;
export type ProgressDay = Progress["days"][number];
export type CampaignHost = Answer<"/api/campaigns/{id}/hosts", "get">["hosts"][number];

// ---- incident reports
export type ReportSummary = Answer<"/api/reports/", "get">["items"][number];
export type ReportDetail = Answer<"/api/reports/{id}", "get">;
export type ReportStatus = ReportSummary["status"];
export const REPORT_STATUSES = every<ReportStatus>()("new", "triaged", "in_progress", "closed");
export type ReportFilter = Pick<Query<"/api/reports/", "get">, "status" | "rsitClass" | "from" | "to" | "q" | "page">;
export type ReportChange = Body<"/api/reports/{id}", "patch">;

// ---- feeds
export type Feed = Answer<"/api/feeds/", "get">["feeds"][number];
export type FeedDetail = Answer<"/api/feeds/{id}", "get">;
export type FeedPull = FeedDetail["pulls"][number];
export type FeedReportOutcome = FeedPull["reports"][number];
export type FeedInput = Body<"/api/feeds/", "post">;
export type FeedPatch = Body<"/api/feeds/{id}", "patch">;
export type FeedKind = Feed["kind"];

// ---- API tokens
export type ApiToken = Answer<"/api/tokens/", "get">["tokens"][number];
export type CreatedApiToken = Answer<"/api/tokens/", "post">;
export type ApiTokenInput = Required<Body<"/api/tokens/", "post">>;
export type ApiTokenRole = ApiToken["role"];
export const API_TOKEN_ROLES = every<ApiTokenRole>()("viewer", "analyst");

// ---- audit
export type AuditFilter = Query<"/api/audit/", "get">;
export type AuditEvent = Answer<"/api/audit/", "get">["events"][number];

// ---- signals, search, overview, one notice
export type SignalPage = Answer<"/api/signals/", "get">;
export type Signal = SignalPage["signals"][number];
export type SignalKind = Signal["kind"];
export type SignalCounts = Answer<"/api/signals/counts", "get">;
export type SignalFilter = Pick<Query<"/api/signals/", "get">, "state" | "kind">;
export type SearchResult = Answer<"/api/search/", "get">;
export type Overview = Answer<"/api/overview/", "get">;
export type NoticeDetail = Answer<"/api/notices/{id}", "get">;
export type NoticeFilter = Pick<Query<"/api/campaigns/{id}/notices", "get">, "status" | "language" | "q">;

// ---- staff accounts
export type StaffUser = Answer<"/api/staff/", "get">["staff"][number];
export type StaffRole = StaffUser["role"];
export const STAFF_ROLES = every<StaffRole>()("admin", "analyst", "viewer");
export type StaffInput = Body<"/api/staff/", "post">;

// ---- triage
export type ReportPriority = ReportSummary["priority"];
export const REPORT_PRIORITIES = every<ReportPriority>()("low", "normal", "high", "urgent");
export type ReportReply = ReportDetail["replies"][number];
export type Assignee = Answer<"/api/reports/assignees", "get">["staff"][number];

// ---- campaign progress, per organization and per sector
export type OrganizationProgressPage = Answer<"/api/campaigns/{id}/progress/organizations", "get">;
export type OrgProgress = OrganizationProgressPage["items"][number];
export type SectorProgress = Answer<"/api/campaigns/{id}/progress/sectors", "get">["sectors"][number];
export type ContactOverride = Answer<"/api/contact-overrides/", "get">["overrides"][number];

// ---- RIPE database imports
export type RipeImport = Answer<"/api/ripe/imports", "get">["imports"][number];
export type RipeReport = NonNullable<RipeImport["report"]>;
