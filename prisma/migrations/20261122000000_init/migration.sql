-- Baken first cut: mirrors prisma/schema.prisma, plus what Prisma cannot express (cidr, GiST, sequences).

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('admin', 'analyst', 'viewer');
CREATE TYPE "Language" AS ENUM ('nl', 'fr', 'de', 'en');
CREATE TYPE "ContactRole" AS ENUM ('abuse', 'security', 'technical');
CREATE TYPE "Tlp" AS ENUM ('CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED');
CREATE TYPE "MatchReason" AS ENUM ('manual', 'domain', 'network', 'asn');
CREATE TYPE "HostState" AS ENUM ('open', 'notified', 'remediated', 'not_ours', 'gone');
CREATE TYPE "NoticeKind" AS ENUM ('initial', 'reminder');
CREATE TYPE "NoticeStatus" AS ENUM ('queued', 'sending', 'sent', 'failed');
CREATE TYPE "ReplyAnswer" AS ENUM ('patched', 'mitigated', 'investigating', 'not_ours', 'false_positive', 'needs_help');
CREATE TYPE "Compromise" AS ENUM ('yes', 'no', 'not_checked');
CREATE TYPE "ReportStatus" AS ENUM ('new', 'triaged', 'in_progress', 'closed');

-- CreateTable
CREATE TABLE "staff_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "password_hash" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMPTZ(3),
    CONSTRAINT "staff_user_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "audit_event" (
    "id" SERIAL NOT NULL,
    "actor_id" UUID,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "organization" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "sector" TEXT,
    "country" CHAR(2),
    "language" "Language" NOT NULL DEFAULT 'en',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "organization_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "contact" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "role" "ContactRole" NOT NULL,
    "language" "Language",
    "pgp_public_key" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "contact_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "network" (
    "id" SERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "cidr" cidr NOT NULL,
    CONSTRAINT "network_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "autonomous_system" (
    "id" SERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "asn" BIGINT NOT NULL,
    CONSTRAINT "autonomous_system_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "domain" (
    "id" SERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "domain_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "manual_assignment" (
    "id" SERIAL NOT NULL,
    "organization_id" UUID NOT NULL,
    "ip" INET,
    "hostname" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "manual_assignment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "exposure_list" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "file_name" TEXT NOT NULL,
    "source" TEXT,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "row_count" INTEGER NOT NULL,
    "accepted_count" INTEGER NOT NULL,
    "rejected_count" INTEGER NOT NULL,
    "duplicate_count" INTEGER NOT NULL,
    "tlp" "Tlp" NOT NULL DEFAULT 'AMBER',
    "campaign_id" UUID,
    "uploaded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "matched_at" TIMESTAMPTZ(3),
    CONSTRAINT "exposure_list_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "list_error" (
    "id" SERIAL NOT NULL,
    "list_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "list_error_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "exposure" (
    "id" SERIAL NOT NULL,
    "list_id" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "ip" INET,
    "port" INTEGER,
    "protocol" TEXT,
    "hostname" TEXT,
    "asn" BIGINT,
    "seen_at" TIMESTAMPTZ(3),
    "tag" TEXT,
    "version" TEXT,
    "raw" JSONB,
    "organization_id" UUID,
    "match_reason" "MatchReason",
    "candidates" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "exposure_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "campaign" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "cves" TEXT[],
    "rsit_class" TEXT NOT NULL DEFAULT 'vulnerable',
    "rsit_type" TEXT NOT NULL DEFAULT 'vulnerable-system',
    "severity" TEXT NOT NULL DEFAULT 'high',
    "tlp" "Tlp" NOT NULL DEFAULT 'AMBER',
    "advice" JSONB NOT NULL DEFAULT '{}',
    "compromise_since" TIMESTAMPTZ(3),
    "reminder_every_days" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "campaign_host" (
    "id" SERIAL NOT NULL,
    "campaign_id" UUID NOT NULL,
    "host_key" TEXT NOT NULL,
    "ip" INET,
    "port" INTEGER,
    "protocol" TEXT,
    "hostname" TEXT,
    "tag" TEXT,
    "version" TEXT,
    "organization_id" UUID,
    "state" "HostState" NOT NULL DEFAULT 'open',
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_list_id" UUID NOT NULL,
    "notice_id" UUID,
    "notified_at" TIMESTAMPTZ(3),
    "answer" "ReplyAnswer",
    "answered_at" TIMESTAMPTZ(3),
    "compromise" "Compromise",
    "gone_at" TIMESTAMPTZ(3),
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "campaign_host_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "notice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" TEXT NOT NULL,
    "campaign_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "kind" "NoticeKind" NOT NULL DEFAULT 'initial',
    "parent_id" UUID,
    "recipients" TEXT[],
    "language" "Language" NOT NULL,
    "status" "NoticeStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "message_id" TEXT,
    "smtp_response" TEXT,
    "host_count" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "token_hash" TEXT,
    "token_expires_at" TIMESTAMPTZ(3),
    "token_revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "notice_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "remediation_reply" (
    "id" SERIAL NOT NULL,
    "notice_id" UUID NOT NULL,
    "host_id" INTEGER,
    "answer" "ReplyAnswer" NOT NULL,
    "compromise" "Compromise",
    "comment" TEXT,
    "better_contact" TEXT,
    "client_ip" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "remediation_reply_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "incident_report" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" TEXT NOT NULL,
    "language" "Language" NOT NULL,
    "reporter_kind" TEXT NOT NULL,
    "reporter_name" TEXT NOT NULL,
    "reporter_email" TEXT NOT NULL,
    "reporter_phone" TEXT,
    "reporter_role" TEXT,
    "organization_name" TEXT,
    "organization_id" UUID,
    "is_victim" BOOLEAN NOT NULL DEFAULT true,
    "rsit_class" TEXT NOT NULL,
    "rsit_type" TEXT,
    "started_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3),
    "ongoing" BOOLEAN,
    "description" TEXT NOT NULL,
    "affected_systems" TEXT,
    "impact" TEXT[],
    "indicators" TEXT,
    "actions_taken" TEXT,
    "others_informed" TEXT[],
    "expectations" TEXT,
    "notice_reference" TEXT,
    "tlp" "Tlp" NOT NULL DEFAULT 'AMBER',
    "status" "ReportStatus" NOT NULL DEFAULT 'new',
    "resolution" TEXT,
    "assignee_id" UUID,
    "client_ip" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "incident_report_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "report_attachment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "report_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_attachment_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "report_note" (
    "id" SERIAL NOT NULL,
    "report_id" UUID NOT NULL,
    "author_id" UUID,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_note_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reference_counter" (
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    CONSTRAINT "reference_counter_pkey" PRIMARY KEY ("scope","year")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_user_email_key" ON "staff_user"("email");
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at" DESC);
CREATE INDEX "audit_event_subject_type_subject_id_idx" ON "audit_event"("subject_type", "subject_id");
CREATE UNIQUE INDEX "organization_name_key" ON "organization"("name");
CREATE UNIQUE INDEX "contact_organization_id_email_key" ON "contact"("organization_id", "email");
CREATE UNIQUE INDEX "network_organization_id_cidr_key" ON "network"("organization_id", "cidr");
CREATE UNIQUE INDEX "autonomous_system_organization_id_asn_key" ON "autonomous_system"("organization_id", "asn");
CREATE INDEX "autonomous_system_asn_idx" ON "autonomous_system"("asn");
CREATE UNIQUE INDEX "domain_organization_id_name_key" ON "domain"("organization_id", "name");
CREATE INDEX "domain_name_idx" ON "domain"("name");
CREATE UNIQUE INDEX "manual_assignment_ip_key" ON "manual_assignment"("ip");
CREATE UNIQUE INDEX "manual_assignment_hostname_key" ON "manual_assignment"("hostname");
CREATE UNIQUE INDEX "exposure_list_sha256_key" ON "exposure_list"("sha256");
CREATE INDEX "exposure_list_campaign_id_created_at_idx" ON "exposure_list"("campaign_id", "created_at");
CREATE INDEX "exposure_list_created_at_idx" ON "exposure_list"("created_at" DESC);
CREATE INDEX "list_error_list_id_line_idx" ON "list_error"("list_id", "line");
CREATE INDEX "exposure_list_id_organization_id_idx" ON "exposure"("list_id", "organization_id");
CREATE INDEX "exposure_ip_idx" ON "exposure"("ip");
CREATE UNIQUE INDEX "campaign_host_campaign_id_host_key_key" ON "campaign_host"("campaign_id", "host_key");
CREATE INDEX "campaign_host_campaign_id_organization_id_state_idx" ON "campaign_host"("campaign_id", "organization_id", "state");
CREATE UNIQUE INDEX "notice_reference_key" ON "notice"("reference");
CREATE UNIQUE INDEX "notice_token_hash_key" ON "notice"("token_hash");
CREATE INDEX "notice_campaign_id_status_idx" ON "notice"("campaign_id", "status");
CREATE INDEX "notice_organization_id_idx" ON "notice"("organization_id");
CREATE INDEX "remediation_reply_notice_id_at_idx" ON "remediation_reply"("notice_id", "at");
CREATE UNIQUE INDEX "incident_report_reference_key" ON "incident_report"("reference");
CREATE INDEX "incident_report_status_created_at_idx" ON "incident_report"("status", "created_at" DESC);
CREATE INDEX "incident_report_rsit_class_idx" ON "incident_report"("rsit_class");
CREATE INDEX "incident_report_created_at_idx" ON "incident_report"("created_at" DESC);
CREATE INDEX "report_attachment_report_id_idx" ON "report_attachment"("report_id");
CREATE INDEX "report_note_report_id_created_at_idx" ON "report_note"("report_id", "created_at");

-- Beyond Prisma: containment lookups (ip <<= cidr) for the registry and the console's "who owns this" search.
CREATE INDEX "network_cidr_gist_idx" ON "network" USING gist ("cidr" inet_ops);
-- Notice references [BAKEN#YYYYMMDD-NNNNNNNN] draw their number here: unique, never reused.
CREATE SEQUENCE "notice_reference_seq";

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "contact" ADD CONSTRAINT "contact_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "network" ADD CONSTRAINT "network_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "autonomous_system" ADD CONSTRAINT "autonomous_system_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "domain" ADD CONSTRAINT "domain_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "manual_assignment" ADD CONSTRAINT "manual_assignment_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "exposure_list" ADD CONSTRAINT "exposure_list_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "exposure_list" ADD CONSTRAINT "exposure_list_uploaded_by_id_fkey" FOREIGN KEY ("uploaded_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "list_error" ADD CONSTRAINT "list_error_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "exposure_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "exposure_list"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "campaign_host" ADD CONSTRAINT "campaign_host_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "campaign_host" ADD CONSTRAINT "campaign_host_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "campaign_host" ADD CONSTRAINT "campaign_host_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "notice" ADD CONSTRAINT "notice_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notice" ADD CONSTRAINT "notice_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notice" ADD CONSTRAINT "notice_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "remediation_reply" ADD CONSTRAINT "remediation_reply_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "remediation_reply" ADD CONSTRAINT "remediation_reply_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "campaign_host"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "incident_report" ADD CONSTRAINT "incident_report_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "incident_report" ADD CONSTRAINT "incident_report_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "report_attachment" ADD CONSTRAINT "report_attachment_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "incident_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_note" ADD CONSTRAINT "report_note_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "incident_report"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_note" ADD CONSTRAINT "report_note_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
