-- Reach (issue 14): a host no registered organization matches falls back on an abuse contact (the
-- security.txt of its domain, the RIPE / RDAP abuse contact of its range or ASN). Each such mailbox is an
-- organization of kind 'abuse_contact', made when first used, with that mailbox as its one contact: notices,
-- the owner's page, never-twice, reminders and remediation work for it as for a registered organization,
-- one notice per mailbox per campaign. Its id is a name-based UUID of the mailbox (core's
-- abuseContactOrganizationId), so every process names the same row. The registry import and the registry's
-- listing leave these rows alone; an import naming one (by name) makes it registered.

ALTER TYPE "MatchReason" ADD VALUE 'security_txt';
ALTER TYPE "MatchReason" ADD VALUE 'abuse_network';
ALTER TYPE "MatchReason" ADD VALUE 'abuse_asn';

ALTER TABLE "organization"
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'registered',
    -- the abuse mailbox an 'abuse_contact' organization stands for (lower-case)
    ADD COLUMN "abuse_mailbox" TEXT,
    -- where it was found first: ripe, rdap or security_txt, and the object (range, ASN, file) it came from
    ADD COLUMN "contact_source" TEXT,
    ADD COLUMN "provenance" TEXT,
    -- staff blocked this mailbox: never a candidate again, never mailed
    ADD COLUMN "blocked_at" TIMESTAMPTZ(3),
    ADD COLUMN "blocked_reason" TEXT,
    ADD CONSTRAINT "organization_kind_check" CHECK ("kind" IN ('registered', 'abuse_contact')),
    ADD CONSTRAINT "organization_contact_source_check" CHECK ("contact_source" IN ('ripe', 'rdap', 'security_txt')),
    ADD CONSTRAINT "organization_abuse_contact_check" CHECK ("kind" = 'registered' OR "abuse_mailbox" IS NOT NULL);
CREATE UNIQUE INDEX "organization_abuse_mailbox_key" ON "organization"("abuse_mailbox");
