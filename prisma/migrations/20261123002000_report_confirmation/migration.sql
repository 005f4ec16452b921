-- An incident report's confirmation mail is sent once: the worker sets confirmation_sent_at under a row
-- lock and skips a report that has it. submission_key identifies a submission (the form's nonce and the
-- content): posting the same form twice (a double click, a resend) finds the first report.

-- AlterTable
ALTER TABLE "incident_report" ADD COLUMN     "confirmation_message_id" TEXT,
ADD COLUMN     "confirmation_sent_at" TIMESTAMPTZ(3),
ADD COLUMN     "submission_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "incident_report_submission_key_key" ON "incident_report"("submission_key");
