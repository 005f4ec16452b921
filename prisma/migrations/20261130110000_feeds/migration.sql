-- What kind of report a list is (issue 13): the Shadowserver report type (or Shodan / IntelMQ), its name,
-- Shadowserver's default severity for it and its RSIT classification, shown with the list and carried
-- into the campaign's notices. A row's own severity (the report's `severity` column) is kept per row.
ALTER TABLE "exposure_list"
  ADD COLUMN "report_type" TEXT,
  ADD COLUMN "report_name" TEXT,
  ADD COLUMN "severity" TEXT,
  ADD COLUMN "classification_taxonomy" TEXT,
  ADD COLUMN "classification_type" TEXT,
  ADD COLUMN "classification_identifier" TEXT;

ALTER TABLE "exposure" ADD COLUMN "severity" TEXT;
ALTER TABLE "campaign_host" ADD COLUMN "severity" TEXT;

-- A row may name a network instead of an address (a blocklist's 198.51.100.0/24): "ip" (inet) holds it
-- with its prefix. abbrev() writes an address as host() did (no /32, no /128) and a network as
-- address/bits, so the keys of hosts stored so far do not change and a network never folds into its first
-- address.
CREATE OR REPLACE FUNCTION "host_key"("ip" INET, "port" INTEGER, "hostname" TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(abbrev("ip"), '') || '|' || coalesce("port"::text, '') || '|' || coalesce("hostname", '') $$;
