-- The registry's version, so every process can tell whether its in-memory matcher is stale with one
-- cheap read. Any statement that changes what matching sees bumps it inside its own transaction: the new
-- value becomes visible exactly when the change does. Values come from a sequence, so a rolled-back
-- change's number is never reused by a later one (a cache keyed by it can never hold uncommitted data).
CREATE SEQUENCE "registry_version_seq";

CREATE TABLE "registry_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL,
    CONSTRAINT "registry_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "registry_version_one_row" CHECK ("id" = 1)
);

INSERT INTO "registry_version" ("id", "version") VALUES (1, nextval('registry_version_seq'));

CREATE FUNCTION "bump_registry_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "registry_version" SET "version" = nextval('registry_version_seq') WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "organization_registry_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
CREATE TRIGGER "network_registry_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "network"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
CREATE TRIGGER "domain_registry_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "domain"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
CREATE TRIGGER "autonomous_system_registry_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "autonomous_system"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();
CREATE TRIGGER "manual_assignment_registry_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "manual_assignment"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_registry_version"();

-- The identity of a host inside a list and across a campaign's lists: ip|port|hostname, empty parts
-- allowed. The one definition, used for folding duplicates at upload and by campaign host tracking.
CREATE FUNCTION "host_key"("ip" INET, "port" INTEGER, "hostname" TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(host("ip"), '') || '|' || coalesce("port"::text, '') || '|' || coalesce("hostname", '') $$;


-- Matching keeps every candidate of every exposure, but a million-row list has only thousands of distinct
-- candidate lists: each distinct list is stored once here, named by the md5 of its JSON, and an exposure
-- refers to it (no foreign key: a row is written once, already matched, without a per-row check).
CREATE TABLE "candidate_set" (
    "digest" TEXT NOT NULL,
    "candidates" JSONB NOT NULL,
    CONSTRAINT "candidate_set_pkey" PRIMARY KEY ("digest")
);

ALTER TABLE "exposure" ADD COLUMN "candidate_set" TEXT;
