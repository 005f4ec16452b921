-- Incident triage (issue 16): a priority and a due date per report, and replies to the reporter written in
-- the console. A reply is stored first (sent_at null) and mailed by the worker, which sets sent_at under the
-- reply's row lock: a reply is kept in the report's history whether or not its mail has gone yet, and is
-- never mailed twice.
CREATE TYPE "ReportPriority" AS ENUM ('low', 'normal', 'high', 'urgent');
ALTER TABLE "incident_report" ADD COLUMN "priority" "ReportPriority" NOT NULL DEFAULT 'normal';
ALTER TABLE "incident_report" ADD COLUMN "due_at" TIMESTAMPTZ(3);

CREATE TABLE "report_reply" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "report_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "to_email" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "sent_at" TIMESTAMPTZ(3),
    "message_id" TEXT,
    "last_error" TEXT,
    CONSTRAINT "report_reply_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "report_reply_report_id_created_at_idx" ON "report_reply"("report_id", "created_at");
-- The sweep that queues replies again after a Redis outage reads only the unsent ones.
CREATE INDEX "report_reply_unsent_idx" ON "report_reply"("created_at") WHERE "sent_at" IS NULL;
ALTER TABLE "report_reply" ADD CONSTRAINT "report_reply_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "incident_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_reply" ADD CONSTRAINT "report_reply_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
