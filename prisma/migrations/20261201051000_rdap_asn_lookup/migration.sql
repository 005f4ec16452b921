-- Reach (issue 14): RDAP answers for AS numbers (`/autnum/<n>`, the IANA bootstrap's asn.json), as
-- rdap_lookup keeps them for addresses: for a row with an ASN whose address reached no abuse contact (or
-- that has none), found or not, with its TTL. An answer covers the AS block the server names
-- (startAutnum - endAutnum), so the other numbers of that block are not asked again.
CREATE TABLE "rdap_asn_lookup" (
    "id" SERIAL NOT NULL,
    -- the AS number asked for, and the query URL (the server the IANA bootstrap named)
    "query" BIGINT NOT NULL,
    "url" TEXT NOT NULL,
    -- found (an abuse entity with an e-mail), unusable (no such autnum, no abuse contact), failed
    "outcome" TEXT NOT NULL,
    -- the block answered for; the number asked alone when there was no answer
    "first_asn" BIGINT NOT NULL,
    "last_asn" BIGINT NOT NULL,
    "mailbox" TEXT,
    "handle" TEXT,
    "name" TEXT,
    "country" TEXT,
    "abuse_path" TEXT,
    "language" "Language",
    "reason" TEXT,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "rdap_asn_lookup_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "rdap_asn_lookup_outcome_check" CHECK ("outcome" IN ('found', 'unusable', 'failed')),
    CONSTRAINT "rdap_asn_lookup_found_check" CHECK ("outcome" <> 'found' OR "mailbox" IS NOT NULL),
    CONSTRAINT "rdap_asn_lookup_block_check" CHECK ("first_asn" <= "query" AND "query" <= "last_asn")
);
CREATE UNIQUE INDEX "rdap_asn_lookup_block_key" ON "rdap_asn_lookup"("first_asn", "last_asn");
