// What the pages work with. The endpoint modules beside this file turn the API's answers into these shapes,
// so when an API's final shape differs, only its endpoint module changes.

import type { ErrorDetail } from "./http.ts";

export type Role = "admin" | "analyst" | "viewer";
export type Staff = { id: string; email: string; name: string; role: Role };

export const LANGUAGES = ["nl", "fr", "de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const TLPS = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] as const;
export type Tlp = (typeof TLPS)[number];

export type MatchReason = "manual" | "domain" | "network" | "asn";
export type OrgRef = { id: string; name: string };

// ---- lists
export type UploadResult = {
  id: string;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  errors: ErrorDetail[];
};

/** What kind of report a list is (or would be): a Shadowserver report type, shodan, intelmq, or none. */
export type ListReport = {
  reportType: string | null;
  reportName: string | null;
  severity: string | null;
  classification: { taxonomy: string; type: string; identifier: string | null } | null;
};

export type ListSummary = ListReport & {
  id: string;
  fileName: string;
  source: string | null;
  format: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  tlp: Tlp;
  campaign: OrgRef | null;
  createdAt: string;
  matchedAt: string | null;
};

export type ListDetail = ListSummary & {
  matched: number;
  unmatched: number;
  reasons: Partial<Record<MatchReason, number>>;
  organizations: (OrgRef & { hosts: number })[];
};

export type Candidate = {
  organizationId: string;
  organizationName: string | null;
  reason: string;
  detail: string | null;
};

export type Exposure = {
  id: number;
  line: number | null;
  ip: string | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  seenAt: string | null;
  severity: string | null;
  organization: OrgRef | null;
  matchReason: MatchReason | null;
  candidates: Candidate[];
};

/** What a column is to Baken (null: data, kept as it is). Kept in step with @baken/core's ROLES. */
export const COLUMN_ROLES = [
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
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export type PreviewColumn = { name: string; role: ColumnRole | null; by: string | null };

export type PreviewRow = {
  line: number;
  ip: string | null;
  network: boolean;
  hostname: string | null;
  port: number | null;
  severity: string | null;
  organization: OrgRef | null;
  matchReason: string | null;
};

/** How the API would read an upload, nothing stored (POST /api/lists/preview). */
export type ListPreview = ListReport & {
  format: string | null;
  delimiter: string | null;
  kind: string | null;
  reportTypeCandidates: string[];
  columns: PreviewColumn[];
  rows: PreviewRow[];
  errors: ErrorDetail[];
  problem: { message: string; details: ErrorDetail[] } | null;
  partial: boolean;
};

export type Page<T> = { items: T[]; total: number | null; page: number; pageSize: number | null };

export type AssignInput = {
  organizationId: string;
  exposureIds: number[];
  /** register this network (CIDR) to the organization, so later lists match by themselves */
  registerNetwork?: string;
  /** register this domain to the organization */
  registerDomain?: string;
};

// ---- organizations
export const CONTACT_ROLES = ["abuse", "security", "technical"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export type Contact = {
  id: string | null;
  email: string;
  name: string;
  role: ContactRole;
  language: Language | null;
  pgpPublicKey: string | null;
  active: boolean;
};

export type OrgSummary = OrgRef & {
  sector: string | null;
  country: string | null;
  language: Language;
  active: boolean;
  contactCount: number | null;
  networkCount: number | null;
};

export type OrgDetail = OrgSummary & {
  contacts: Contact[];
  cidrs: string[];
  asns: number[];
  domains: string[];
  /** The registry's row id of each network, ASN and domain (to remove one). */
  ids: { cidrs: Record<string, number>; asns: Record<string, number>; domains: Record<string, number> };
};

/** Create or edit an organization: the registry's import shape (registry.ndjson), one organization. */
export type OrgInput = {
  name: string;
  sector: string | null;
  country: string | null;
  language: Language;
  active: boolean;
  contacts: Omit<Contact, "id">[];
  cidrs: string[];
  asns: number[];
  domains: string[];
};

export type ImportResult = { created: number; updated: number; rejected: number; errors: ErrorDetail[] };

export const NOTICE_STATUSES = ["queued", "sending", "sent", "failed"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

export type PastNotice = {
  id: string;
  reference: string;
  campaign: OrgRef;
  kind: "initial" | "reminder";
  status: NoticeStatus;
  language: Language;
  hostCount: number;
  createdAt: string;
  sentAt: string | null;
  answers: { answer: string; host: string | null; comment: string | null; at: string }[];
};

// ---- campaigns
/** A campaign's advice in one language: what it is, the steps to take, what to look for since a date, links. */
export type Advice = {
  summary: string;
  actions: string[];
  compromiseCheck: string;
  links: { label: string; url: string }[];
};

export type Campaign = {
  id: string;
  name: string;
  description: string;
  cves: string[];
  rsitClass: string;
  rsitType: string;
  severity: string;
  tlp: Tlp;
  advice: Partial<Record<Language, Advice>>;
  compromiseSince: string | null;
  reminderEveryDays: number | null;
  createdAt: string;
  updatedAt: string;
};

export type CampaignInput = Omit<Campaign, "id" | "createdAt" | "updatedAt">;

export type PreviewOrganization = OrgRef & { language: Language | null; hosts: number; recipients: string[] };

export type NoticePreview = {
  organization: OrgRef;
  recipients: string[];
  language: Language;
  subject: string;
  text: string;
  attachment: { filename: string; columns: string[]; rows: string[][] } | null;
};

export type Preview = {
  organizations: number;
  mails: number;
  hosts: number | null;
  noContact: OrgRef[];
  noContactCount: number;
  perOrganization: PreviewOrganization[];
  notices: NoticePreview[];
};

export type SendResult = { organizations: number; mails: number; noContact: number; alreadyNotified: number | null };

export type NoticeCounts = Record<NoticeStatus, number>;

export type NoticeRow = {
  id: string;
  reference: string;
  organization: OrgRef;
  kind: "initial" | "reminder";
  status: NoticeStatus;
  recipients: string[];
  language: Language | null;
  attempts: number;
  lastError: string | null;
  hostCount: number;
  sentAt: string | null;
};

export type NoticeList = { counts: NoticeCounts; notices: NoticeRow[] };

export type ProgressDay = {
  date: string;
  notified: number;
  answered: number;
  claimedFixed: number;
  gone: number;
  open: number;
};

export type OrgProgress = OrgRef & {
  hosts: number;
  open: number;
  gone: number;
  answered: number;
  /** the organization's latest answer or state, as staff should read it */
  state: string;
  lastAnswerAt: string | null;
};

export type Progress = {
  days: ProgressDay[];
  /** 0..1 */
  remediationRate: number | null;
  medianHoursToAnswer: number | null;
  medianHoursToGone: number | null;
  organizations: OrgProgress[] | null;
};

// ---- incident reports
export const REPORT_STATUSES = ["new", "triaged", "in_progress", "closed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type ReportSummary = {
  id: string;
  reference: string;
  createdAt: string;
  status: ReportStatus;
  rsitClass: string;
  rsitType: string | null;
  /** human names of the RSIT class and type, as the API gives them */
  rsitClassName: string | null;
  rsitTypeName: string | null;
  reporterName: string;
  reporterKind: string | null;
  attachmentCount: number | null;
  organizationName: string | null;
  language: Language | null;
  ongoing: boolean | null;
  tlp: Tlp | null;
  assignee: { id: string; email: string } | null;
};

export type ReportDetail = ReportSummary & {
  fields: { label: string; value: string }[];
  description: string;
  resolution: string | null;
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
  notes: { id: string; body: string; author: string | null; createdAt: string }[];
};

export type ReportFilter = { status?: string; type?: string; from?: string; to?: string; q?: string; page?: number };

export type ReportChange = { status?: ReportStatus; resolution?: string; assigneeId?: string | null };

// ---- audit
export type AuditEvent = {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: unknown;
  ip: string | null;
};

export type ConsoleSettings = { mailCatcherUrl: string | null; certName: string };
