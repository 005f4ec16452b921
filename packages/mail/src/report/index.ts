export {
  renderReportConfirmation,
  type ReportConfirmation,
  type ReportConfirmationMail,
} from "./render-report-confirmation.ts";
