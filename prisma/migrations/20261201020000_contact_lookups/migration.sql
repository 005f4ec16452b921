-- Reach (issue 14): online abuse-contact lookups, cached. The worker fills these after an upload when
-- CONTACT_LOOKUP_ONLINE is on; matching reads the usable answers as fallback contacts. Every answer is kept,
-- positive or not, with where and when it was read and when to ask again ("expires_at"): a lookup asks
-- only for what has no unexpired row.

-- One row per registered domain: its https://<domain>/.well-known/security.txt.
CREATE TABLE "security_txt_lookup" (
    "domain" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    -- found (usable: an unexpired file with a mailto contact), unusable (no file, expired, no mailto...),
    -- failed (timeout, refused connection, 5xx: asked again sooner)
    "outcome" TEXT NOT NULL,
    "mailbox" TEXT,
    -- Preferred-Languages as the file writes them
    "languages" TEXT[] NOT NULL DEFAULT '{}',
    -- the notice language chosen from them or the domain's country
    "language" "Language",
    -- the file's own Expires: past it, the contact is not used even if the row is not due yet
    "file_expires" TIMESTAMPTZ(3),
    "reason" TEXT,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "security_txt_lookup_pkey" PRIMARY KEY ("domain"),
    CONSTRAINT "security_txt_lookup_outcome_check" CHECK ("outcome" IN ('found', 'unusable', 'failed')),
    CONSTRAINT "security_txt_lookup_found_check" CHECK ("outcome" <> 'found' OR ("mailbox" IS NOT NULL AND "file_expires" IS NOT NULL))
);

-- One row per RDAP answer (RFC 9083), kept per network: "prefixes" are the network's (an address found
-- in none of them is asked for; one inside is not). A 404 or a failure covers only the address asked.
CREATE TABLE "rdap_lookup" (
    "id" SERIAL NOT NULL,
    -- the address asked for, and the query URL (the server the IANA bootstrap named)
    "query" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    -- found (an abuse entity with an e-mail), unusable (no such network, no abuse contact), failed
    "outcome" TEXT NOT NULL,
    "prefixes" CIDR[] NOT NULL,
    "mailbox" TEXT,
    "handle" TEXT,
    "name" TEXT,
    "country" TEXT,
    -- the entities the abuse contact was found under (`registrant ORG-X > abuse ABUSE-Y`)
    "abuse_path" TEXT,
    "language" "Language",
    "reason" TEXT,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rdap_lookup_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rdap_lookup_outcome_check" CHECK ("outcome" IN ('found', 'unusable', 'failed')),
    CONSTRAINT "rdap_lookup_found_check" CHECK ("outcome" <> 'found' OR "mailbox" IS NOT NULL)
);
CREATE UNIQUE INDEX "rdap_lookup_prefixes_key" ON "rdap_lookup"("prefixes");

-- When a list's online lookups last finished (and its matches took them in).
ALTER TABLE "exposure_list" ADD COLUMN "contacts_looked_up_at" TIMESTAMPTZ(3);
