-- Staff override a range's contact (issue 14): for a CIDR range, the organization (registered, or an abuse
-- mailbox's) that receives its hosts instead of the RIPE abuse contact. Matching takes it for hosts no
-- registered organization matches, before any fallback (match reason 'override'); the loaded fallback
-- reloads when these rows change (readFallbackVersion).
ALTER TYPE "MatchReason" ADD VALUE 'override';

CREATE TABLE "contact_override" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "cidr" CIDR NOT NULL,
    "organization_id" UUID NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contact_override_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "contact_override_cidr_key" ON "contact_override"("cidr");
CREATE INDEX "contact_override_organization_id_idx" ON "contact_override"("organization_id");
ALTER TABLE "contact_override" ADD CONSTRAINT "contact_override_organization_id_fkey"
    FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "contact_override" ADD CONSTRAINT "contact_override_created_by_id_fkey"
    FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A mailbox staff name for a range gets its organization as the fallback's do, found by 'override'.
ALTER TABLE "organization" DROP CONSTRAINT "organization_contact_source_check";
ALTER TABLE "organization" ADD CONSTRAINT "organization_contact_source_check"
    CHECK ("contact_source" IN ('ripe', 'rdap', 'security_txt', 'override'));
