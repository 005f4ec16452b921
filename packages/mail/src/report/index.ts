export {
  renderReportConfirmation,
  type ReportConfirmation,
  type ReportConfirmationMail,
} from "./render-report-confirmation.ts";
export { renderReportReply, type ReportReply } from "./render-report-reply.ts";
