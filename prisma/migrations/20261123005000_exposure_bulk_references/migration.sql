-- exposure is written in bulk: a million-row scan report COPYs some 300,000 rows in one statement, and a
-- foreign key checks every row with a query of its own (list_id and organization_id cost 1.5 s of the 3.4 s
-- PostgreSQL spent on that COPY). The writers check instead, once per upload or re-match, and lock the
-- organizations they reference (lockOwners); these triggers do what ON DELETE CASCADE / SET NULL did.
ALTER TABLE "exposure" DROP CONSTRAINT "exposure_list_id_fkey";
ALTER TABLE "exposure" DROP CONSTRAINT "exposure_organization_id_fkey";

-- Never written since matching names its candidates by candidate_set.
ALTER TABLE "exposure" DROP COLUMN "candidates";

-- Every query reads exposures by list (exposure_list_id_organization_id_idx); a host across lists is a
-- campaign_host. This index cost a quarter of that COPY's time and answered nothing.
DROP INDEX "exposure_ip_idx";

CREATE FUNCTION "exposure_list_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "exposure" e USING "deleted_list" d WHERE e."list_id" = d."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "exposure_list_deleted" AFTER DELETE ON "exposure_list"
  REFERENCING OLD TABLE AS "deleted_list" FOR EACH STATEMENT EXECUTE FUNCTION "exposure_list_deleted"();

-- An exposure whose owner is deleted becomes unmatched: no owner, no reason.
CREATE FUNCTION "exposure_owner_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "exposure" e SET "organization_id" = NULL, "match_reason" = NULL
    FROM "deleted_organization" d WHERE e."organization_id" = d."id";
  RETURN NULL;
END $$;

CREATE TRIGGER "exposure_owner_deleted" AFTER DELETE ON "organization"
  REFERENCING OLD TABLE AS "deleted_organization" FOR EACH STATEMENT EXECUTE FUNCTION "exposure_owner_deleted"();
