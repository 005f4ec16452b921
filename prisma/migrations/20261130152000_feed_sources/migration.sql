-- Feeds (issue 17): sources of reports that arrive without a person uploading them. A `shadowserver` source
-- is pulled from Shadowserver's Reports API on a schedule (a BullMQ job scheduler per source, from
-- "schedule"); a `push` source receives reports by POST /api/feeds/:id/reports. Each report becomes an
-- exposure list through the same ingest as an upload.

CREATE TABLE "feed_source" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    -- Shadowserver's API and download addresses; null: its published ones.
    "api_url" TEXT,
    "download_url" TEXT,
    -- The API key and secret, sealed with FEED_SECRET_KEY (AES-256-GCM, bound to the row's id): never
    -- answered by the API. "api_key_hint" is the key's last four characters, to tell keys apart.
    "credentials" TEXT,
    "api_key_hint" TEXT,
    -- Filters of reports/list: report types, the account's mailing lists; empty: all.
    "report_types" TEXT[] NOT NULL DEFAULT '{}',
    "mailing_lists" TEXT[] NOT NULL DEFAULT '{}',
    -- cron (five fields) in CERT_TIME_ZONE; null: pulled only when asked.
    "schedule" TEXT,
    "lookback_days" INTEGER NOT NULL DEFAULT 2,
    "tlp" "Tlp" NOT NULL DEFAULT 'AMBER',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "feed_source_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feed_source_kind_check" CHECK ("kind" IN ('shadowserver', 'push'))
);
CREATE UNIQUE INDEX "feed_source_name_key" ON "feed_source"("name");
ALTER TABLE "feed_source" ADD CONSTRAINT "feed_source_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Report type -> campaign: a report of that type joins the campaign; a type without a rule lands unassigned.
CREATE TABLE "feed_rule" (
    "feed_source_id" UUID NOT NULL,
    "report_type" TEXT NOT NULL,
    "campaign_id" UUID NOT NULL,
    CONSTRAINT "feed_rule_pkey" PRIMARY KEY ("feed_source_id", "report_type")
);
ALTER TABLE "feed_rule" ADD CONSTRAINT "feed_rule_feed_source_id_fkey" FOREIGN KEY ("feed_source_id") REFERENCES "feed_source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "feed_rule" ADD CONSTRAINT "feed_rule_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "feed_rule_campaign_id_idx" ON "feed_rule"("campaign_id");

-- One row per run of a pull (each retry of a failed one is a run of its own) or per pushed report: what it
-- listed, and each report's outcome (ingested / skipped / failed, with the reason) in "reports".
CREATE TABLE "feed_pull" (
    "id" SERIAL NOT NULL,
    "feed_source_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    -- The queue's job it runs in (null for a push): a run of the same job left "running" was cut short.
    "job_id" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "ingested" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "reports" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "feed_pull_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feed_pull_trigger_check" CHECK ("trigger" IN ('schedule', 'manual', 'push')),
    CONSTRAINT "feed_pull_status_check" CHECK ("status" IN ('running', 'succeeded', 'failed'))
);
ALTER TABLE "feed_pull" ADD CONSTRAINT "feed_pull_feed_source_id_fkey" FOREIGN KEY ("feed_source_id") REFERENCES "feed_source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "feed_pull_feed_source_id_id_idx" ON "feed_pull"("feed_source_id", "id" DESC);

-- Every report a source has brought in, by the id its publisher gives it: written in the ingest's own
-- transaction, so a report is in Baken once (with its list) or not at all, and is never fetched again.
-- `duplicate`: its file was in Baken already (same sha256) as "list_id".
CREATE TABLE "feed_report" (
    "feed_source_id" UUID NOT NULL,
    "report_id" TEXT NOT NULL,
    "report_type" TEXT,
    "file_name" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "list_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "feed_report_pkey" PRIMARY KEY ("feed_source_id", "report_id"),
    CONSTRAINT "feed_report_outcome_check" CHECK ("outcome" IN ('ingested', 'duplicate'))
);
ALTER TABLE "feed_report" ADD CONSTRAINT "feed_report_feed_source_id_fkey" FOREIGN KEY ("feed_source_id") REFERENCES "feed_source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "feed_report" ADD CONSTRAINT "feed_report_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "exposure_list"("id") ON DELETE SET NULL ON UPDATE CASCADE;
