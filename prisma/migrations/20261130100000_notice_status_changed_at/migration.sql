-- When a notice last changed status or was claimed again (attempts), so the worker's repair sweep can tell a
-- notice stranded without a job (`queued` or `sending` for longer than a job lock, no live job in Redis)
-- from one a worker is on right now. Kept by a trigger: every writer of notice.status (send, deliver,
-- remind, and any later one) keeps it without knowing.

ALTER TABLE "notice" ADD COLUMN "status_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now();

CREATE FUNCTION "notice_status_changed_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."status_changed_at" := now();
  RETURN NEW;
END $$;

CREATE TRIGGER "notice_status_changed_at" BEFORE UPDATE OF "status", "attempts" ON "notice"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."attempts" IS DISTINCT FROM NEW."attempts")
  EXECUTE FUNCTION "notice_status_changed_at"();

-- The sweep's question, answered from the few pending notices only.
CREATE INDEX "notice_pending_status_changed_at_idx" ON "notice" ("status_changed_at") WHERE "status" IN ('queued', 'sending');
