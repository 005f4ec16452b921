// Incident reports (issue 6): the triage queue, one report, status changes, notes, attachments.
import { get, patch, post, query } from "./http.ts";
import { arr, boolOrNull, first, language, num, numOrNull, obj, oneOf, str, strOrNull, tlp, type Raw } from "./read.ts";
import {
  REPORT_STATUSES,
  type Page,
  type ReportChange,
  type ReportDetail,
  type ReportFilter,
  type ReportSummary,
} from "./types.ts";

const path = (id: string, rest = "") => `/api/reports/${encodeURIComponent(id)}${rest}`;

function summary(o: Raw): ReportSummary {
  const status = str(o.status);
  const assignee = obj(o.assignee);
  // RSIT as { class, type, className, typeName } (human names in the asked language) or flat.
  const rsit = obj(o.rsit);
  return {
    id: str(o.id),
    reference: str(o.reference),
    createdAt: str(first(o, "createdAt", "receivedAt")),
    status: oneOf(REPORT_STATUSES, status, "new"),
    rsitClass: str(rsit.class ?? o.rsitClass),
    rsitType: strOrNull(rsit.type ?? o.rsitType),
    rsitClassName: strOrNull(rsit.className),
    rsitTypeName: strOrNull(rsit.typeName),
    reporterName: str(first(o, "reporterName", "name")),
    reporterKind: strOrNull(o.reporterKindName ?? o.reporterKind),
    attachmentCount: numOrNull(o.attachmentCount),
    organizationName: strOrNull(o.organizationName),
    language: language(o.language),
    ongoing: boolOrNull(o.ongoing),
    tlp: tlp(o.tlp),
    assignee: assignee.id
      ? { id: str(assignee.id), email: str(assignee.email) }
      : o.assigneeId
        ? { id: str(o.assigneeId), email: str(o.assigneeEmail) }
        : null,
  };
}

export async function listReports(filter: ReportFilter): Promise<Page<ReportSummary>> {
  const { type, ...rest } = filter;
  const answer = await get<unknown>(`/api/reports${query({ ...rest, rsitClass: type })}`);
  const o = obj(answer);
  return {
    items: arr(answer, "reports", "items").map((raw) => summary(obj(raw))),
    total: numOrNull(first(o, "total", "count")),
    page: num(o.page) || filter.page || 1,
    pageSize: numOrNull(first(o, "pageSize", "limit")),
  };
}

/** The report's own fields in reading order, as label and text (lists joined, dates kept as sent). */
const FIELDS: [string, string][] = [
  ["reporterEmail", "E-mail"],
  ["reporterPhone", "Phone"],
  ["reporterRole", "Role"],
  ["organizationName", "Organization"],
  ["isVictim", "Reporter is the victim"],
  ["startedAt", "Started"],
  ["detectedAt", "Detected"],
  ["ongoing", "Still going on"],
  ["affectedSystems", "Affected systems"],
  ["impact", "Impact"],
  ["indicators", "Indicators"],
  ["actionsTaken", "Actions already taken"],
  ["othersInformed", "Others informed"],
  ["expectations", "Expects from the CERT"],
  ["noticeReference", "Notice reference"],
  ["confirmationSentAt", "Confirmation mailed"],
  ["clientIp", "Sent from"],
];

const text = (v: unknown) =>
  Array.isArray(v) ? v.map(str).join(", ") : typeof v === "boolean" ? (v ? "yes" : "no") : str(v);

export async function getReport(id: string): Promise<ReportDetail> {
  const answer = obj(await get<unknown>(path(id)));
  const o = { ...answer, ...obj(answer.report) };
  return {
    ...summary(o),
    description: str(o.description),
    resolution: strOrNull(o.resolution),
    fields: [
      ...(o.reporterKindName || o.reporterKind
        ? [{ label: "Reporter is", value: str(o.reporterKindName ?? o.reporterKind) }]
        : []),
      ...FIELDS.map(([key, label]) => ({ label, value: text(o[key]) })).filter((f) => f.value !== ""),
      ...(obj(o.linkedOrganization).id
        ? [{ label: "Registered organization", value: str(obj(o.linkedOrganization).name) }]
        : []),
    ],
    attachments: arr(first(answer, "attachments") ?? o.attachments).map((raw) => {
      const a = obj(raw);
      return {
        id: str(a.id),
        fileName: str(first(a, "fileName", "filename")),
        contentType: str(a.contentType),
        size: num(a.size),
      };
    }),
    notes: arr(first(answer, "notes") ?? o.notes).map((raw) => {
      const n = obj(raw);
      return {
        id: str(n.id),
        body: str(n.body),
        author: typeof n.author === "string" ? n.author : strOrNull(obj(n.author).email ?? n.authorEmail),
        createdAt: str(n.createdAt),
      };
    }),
  };
}

export const attachmentUrl = (reportId: string, attachmentId: string) =>
  path(reportId, `/attachments/${encodeURIComponent(attachmentId)}`);
export const changeReport = (id: string, change: ReportChange) => patch<unknown>(path(id), change);
export const addReportNote = (id: string, body: string) => post<unknown>(path(id, "/notes"), { body });
