-- A report form's token makes one report: the nonce of the token it was sent with, unique. The same form
-- posted again with the same content still finds its report (submission_key: a double click); with other
-- content it is refused like an expired form. Reports filed before have none.

ALTER TABLE "incident_report" ADD COLUMN "form_nonce" TEXT;

CREATE UNIQUE INDEX "incident_report_form_nonce_key" ON "incident_report"("form_nonce");
