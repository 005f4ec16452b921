-- What the console's search asks, answered from indexes on a database of millions of exposures.
-- B-tree on inet serves both "= address" and "<<= network" (PostgreSQL turns the latter into a range scan);
-- host names are indexed reversed, so "this domain and every name under it" is a prefix scan.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

CREATE INDEX "exposure_ip_idx" ON "exposure" ("ip") WHERE "ip" IS NOT NULL;
CREATE INDEX "exposure_hostname_rev_idx" ON "exposure" (reverse("hostname") text_pattern_ops) WHERE "hostname" IS NOT NULL;
CREATE INDEX "campaign_host_ip_idx" ON "campaign_host" ("ip") WHERE "ip" IS NOT NULL;
CREATE INDEX "campaign_host_hostname_rev_idx" ON "campaign_host" (reverse("hostname") text_pattern_ops) WHERE "hostname" IS NOT NULL;
CREATE INDEX "notice_recipients_idx" ON "notice" USING gin ("recipients");
CREATE INDEX "contact_email_lower_idx" ON "contact" (lower("email"));
CREATE INDEX "incident_report_reporter_email_lower_idx" ON "incident_report" (lower("reporter_email"));
CREATE INDEX "incident_report_notice_reference_idx" ON "incident_report" ("notice_reference") WHERE "notice_reference" IS NOT NULL;
CREATE INDEX "organization_name_trgm_idx" ON "organization" USING gin ("name" gin_trgm_ops);
-- An incident report's indicators and affected systems, where reporters write addresses and names.
CREATE INDEX "incident_report_text_trgm_idx" ON "incident_report"
  USING gin ((coalesce("indicators", '') || ' ' || coalesce("affected_systems", '')) gin_trgm_ops);
