export { submitReport, type SubmitReportInput, type SubmittedReport, type NewAttachment } from "./submit-report.ts";
export { sendReportConfirmation, type ConfirmationResult, type MailCtx } from "./send-report-confirmation.ts";
export { requeueReportConfirmations } from "./requeue-report-confirmations.ts";
export { listReports, type ReportQuery } from "./list-reports.ts";
export { getReport, type ReportDetail } from "./get-report.ts";
export { updateReport, type ReportChange } from "./update-report.ts";
export { addReportNote } from "./add-report-note.ts";
export { getReportAttachment } from "./get-report-attachment.ts";
export type { ReportSummary } from "./report-view.ts";
