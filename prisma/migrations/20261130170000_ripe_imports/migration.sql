-- Reach (issue 14): the RIPE database's abuse contacts, imported offline. One "ripe_import" row per import
-- (an upload in the console or `npm run ripe:import`); its resolved prefixes and ASNs in "ripe_prefix" and
-- "ripe_asn". An import writes its rows, marks itself active and deletes the previous import's rows in one
-- transaction: a failed or interrupted import leaves the previous one active and whole.

CREATE TABLE "ripe_import" (
    "id" SERIAL NOT NULL,
    -- queued (files stored, job waiting), running, succeeded, failed
    "status" TEXT NOT NULL DEFAULT 'queued',
    -- the import in use by matching; at most one
    "active" BOOLEAN NOT NULL DEFAULT false,
    -- upload (console, run by the worker) or cli
    "origin" TEXT NOT NULL,
    -- [{ name, bytes }] in the order given
    "files" JSONB NOT NULL DEFAULT '[]',
    -- country scope (ISO codes); null: everything
    "countries" TEXT[],
    -- the newest last-modified read (RIPE's split files carry no date of their own)
    "dump_date" TIMESTAMPTZ(3),
    -- @baken/core's ReachReport: objects per type, ranges with / without a contact, malformed objects
    "report" JSONB,
    -- { phase, bytesRead, bytesTotal, objects }: what the console shows while it runs
    "progress" JSONB NOT NULL DEFAULT '{}',
    "prefix_count" INTEGER NOT NULL DEFAULT 0,
    "asn_count" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "ripe_import_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ripe_import_status_check" CHECK ("status" IN ('queued', 'running', 'succeeded', 'failed')),
    CONSTRAINT "ripe_import_origin_check" CHECK ("origin" IN ('upload', 'cli')),
    CONSTRAINT "ripe_import_active_check" CHECK (NOT "active" OR "status" = 'succeeded')
);
CREATE UNIQUE INDEX "ripe_import_active_key" ON "ripe_import"("active") WHERE "active";
ALTER TABLE "ripe_import" ADD CONSTRAINT "ripe_import_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One unique prefix of an import and whose abuse contact applies to it (the nearest range with one).
-- "source" is that RIPE object (`192.0.2.0 - 192.0.3.127`, `2001:db8::/32`), "kind" its type. The primary
-- key's btree answers "the most specific prefix containing an address" by asking for the address's
-- supernets (33 or 129 equality probes), which a GiST index would do too, at a much higher cost to the COPY.
-- No foreign key to ripe_import: PostgreSQL checks one with a query per row, millions here; the import
-- deletes the rows of the imports it replaces itself.
CREATE TABLE "ripe_prefix" (
    "import_id" INTEGER NOT NULL,
    "cidr" CIDR NOT NULL,
    "mailbox" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL,
    "org" TEXT,
    "org_name" TEXT,
    CONSTRAINT "ripe_prefix_pkey" PRIMARY KEY ("import_id", "cidr")
);

CREATE TABLE "ripe_asn" (
    "import_id" INTEGER NOT NULL,
    "asn" BIGINT NOT NULL,
    "mailbox" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL,
    "org" TEXT,
    "org_name" TEXT,
    CONSTRAINT "ripe_asn_pkey" PRIMARY KEY ("import_id", "asn")
);
