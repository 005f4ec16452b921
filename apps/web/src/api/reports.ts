// Incident reports (issue 6): the triage queue, one report, status changes, notes, attachments.
import { call } from "./http.ts";
import type { Page, ReportChange, ReportDetail, ReportFilter, ReportSummary } from "./types.ts";

export async function listReports(filter: ReportFilter): Promise<Page<ReportSummary>> {
  return call("get", "/api/reports/", { query: filter });
}

export const getReport = (id: string): Promise<ReportDetail> => call("get", "/api/reports/{id}", { params: { id } });

export const attachmentUrl = (reportId: string, attachmentId: string) =>
  `/api/reports/${encodeURIComponent(reportId)}/attachments/${encodeURIComponent(attachmentId)}`;
export const changeReport = (id: string, change: ReportChange) =>
  call("patch", "/api/reports/{id}", { params: { id }, body: change });
export const addReportNote = (id: string, body: string) =>
  call("post", "/api/reports/{id}/notes", { params: { id }, body: { body } });
/** Kept in the report's history and mailed by the worker in the report's language. */
export const replyToReport = (id: string, body: string) =>
  call("post", "/api/reports/{id}/replies", { params: { id }, body: { body } });
export const listAssignees = async () => (await call("get", "/api/reports/assignees")).staff;
