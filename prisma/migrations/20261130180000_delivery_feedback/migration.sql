-- Delivery feedback (issue 15): what became of each recipient of a notice, which contacts can no longer be
-- mailed, the bounce messages that came back, and the one redirect of a notice that reached nobody.

-- A notice none of whose recipients was reached: never `sent`.
ALTER TYPE "NoticeStatus" ADD VALUE 'bounced';

-- One outcome of one recipient of one notice (@baken/core's DeliveryOutcome): the relay's answer at RCPT or
-- DATA, or a report that came back later (bounce_message_id names it).
CREATE TABLE "notice_delivery" (
    "id" BIGSERIAL NOT NULL,
    "notice_id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "status" TEXT,
    "diagnostic" TEXT,
    "bounce_message_id" BIGINT,
    CONSTRAINT "notice_delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notice_delivery_kind_check" CHECK ("kind" IN ('accepted', 'refused', 'failed', 'delayed', 'delivered', 'auto-reply')),
    CONSTRAINT "notice_delivery_stage_check" CHECK ("stage" IN ('rcpt', 'data', 'report'))
);
CREATE INDEX "notice_delivery_notice_id_idx" ON "notice_delivery"("notice_id", "at");
-- A contact's history is read by its address.
CREATE INDEX "notice_delivery_recipient_idx" ON "notice_delivery"("recipient", "at");
ALTER TABLE "notice_delivery" ADD CONSTRAINT "notice_delivery_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every message the bounce listener took, kept whole for staff whatever it was (a report, an auto-reply,
-- spam, a forged tag). "message_key" (its Message-ID, else the SHA-256 of its bytes) stores a report
-- delivered twice once: only the first one acts.
CREATE TABLE "bounce_message" (
    "id" BIGSERIAL NOT NULL,
    "message_key" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "envelope_from" TEXT NOT NULL,
    "envelope_to" TEXT[] NOT NULL,
    "remote_address" TEXT NOT NULL,
    "raw" BYTEA NOT NULL,
    -- @baken/mail's BounceVerdict
    "kind" TEXT NOT NULL,
    "layout" TEXT,
    "tag" TEXT NOT NULL,
    "notice_id" UUID,
    "from_address" TEXT,
    "subject" TEXT,
    "reason" TEXT NOT NULL,
    "recipients" JSONB NOT NULL DEFAULT '[]',
    -- reported recipients that match none of the notice's: shown on it, marking nobody
    "unattributed" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "bounce_message_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bounce_message_kind_check" CHECK ("kind" IN ('bounce', 'delay', 'auto-reply', 'unknown')),
    CONSTRAINT "bounce_message_tag_check" CHECK ("tag" IN ('valid', 'invalid', 'none'))
);
CREATE UNIQUE INDEX "bounce_message_message_key_key" ON "bounce_message"("message_key");
CREATE INDEX "bounce_message_notice_id_idx" ON "bounce_message"("notice_id");
CREATE INDEX "bounce_message_received_at_idx" ON "bounce_message"("received_at" DESC);
ALTER TABLE "bounce_message" ADD CONSTRAINT "bounce_message_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "notice_delivery" ADD CONSTRAINT "notice_delivery_bounce_message_id_fkey" FOREIGN KEY ("bounce_message_id") REFERENCES "bounce_message"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A contact's deliverability (@baken/core's contactDeliverability), kept on the row so that choosing
-- recipients stays one indexed read. "deliverable_since": when staff last marked it fixed or its address
-- changed; outcomes before it no longer count.
ALTER TABLE "contact" ADD COLUMN "undeliverable_since" TIMESTAMPTZ(3),
    ADD COLUMN "undeliverable_reason" TEXT,
    ADD COLUMN "undeliverable_notice_id" UUID,
    ADD COLUMN "undeliverable_status" TEXT,
    ADD COLUMN "undeliverable_diagnostic" TEXT,
    ADD COLUMN "temporary_failures" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "deliverable_since" TIMESTAMPTZ(3);
ALTER TABLE "contact" ADD CONSTRAINT "contact_undeliverable_notice_id_fkey" FOREIGN KEY ("undeliverable_notice_id") REFERENCES "notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "contact_undeliverable_since_idx" ON "contact"("undeliverable_since") WHERE "undeliverable_since" IS NOT NULL;

-- A new address is a new mailbox: whatever path changes it (the console, an import), its predecessor's
-- failures no longer apply.
CREATE FUNCTION "contact_address_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF lower(NEW."email") <> lower(OLD."email") THEN
    NEW."undeliverable_since" := NULL;
    NEW."undeliverable_reason" := NULL;
    NEW."undeliverable_notice_id" := NULL;
    NEW."undeliverable_status" := NULL;
    NEW."undeliverable_diagnostic" := NULL;
    NEW."temporary_failures" := 0;
    NEW."deliverable_since" := now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "contact_address_changed" BEFORE UPDATE OF "email" ON "contact"
  FOR EACH ROW EXECUTE FUNCTION "contact_address_changed"();

-- A bounced notice is re-sent once to the organization's fallback contact: the redirect is a notice of its
-- own (its own claim, job, outcomes and return path) naming the one it redirects. The unique index is what
-- makes it once, whoever decides it (the send, a bounce, a retry of either).
ALTER TABLE "notice" ADD COLUMN "redirect_of" UUID;
CREATE UNIQUE INDEX "notice_redirect_of_key" ON "notice"("redirect_of");
ALTER TABLE "notice" ADD CONSTRAINT "notice_redirect_of_fkey" FOREIGN KEY ("redirect_of") REFERENCES "notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Where to redirect a bounced notice when staff know better than the registry (the network's abuse contact
-- from RIPE comes next); and the flag a bounced notice without any leaves for staff.
ALTER TABLE "organization" ADD COLUMN "fallback_email" TEXT,
    ADD COLUMN "no_deliverable_contact_since" TIMESTAMPTZ(3),
    ADD COLUMN "no_deliverable_contact_notice_id" UUID;
ALTER TABLE "organization" ADD CONSTRAINT "organization_no_deliverable_contact_notice_id_fkey" FOREIGN KEY ("no_deliverable_contact_notice_id") REFERENCES "notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;
