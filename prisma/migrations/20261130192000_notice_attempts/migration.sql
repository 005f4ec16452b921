-- Every delivery attempt of a notice with the relay's answer, for staff to read. Written by a trigger when a
-- claim ends (`sending` to sent, queued for a retry, or failed, with the same attempt number), so the delivery
-- path stays the single-row writes it is and any later writer of a result is recorded without knowing.
-- A claim handed back unused (throttled: attempts - 1) is not an attempt and leaves no row.
CREATE TABLE "notice_attempt" (
  "id"         BIGSERIAL PRIMARY KEY,
  "notice_id"  UUID NOT NULL REFERENCES "notice" ("id") ON DELETE CASCADE,
  "attempt"    INTEGER NOT NULL,
  "outcome"    TEXT NOT NULL,
  "answer"     TEXT,
  "recipients" TEXT[] NOT NULL,
  "at"         TIMESTAMPTZ(3) NOT NULL DEFAULT now()
);
CREATE INDEX "notice_attempt_notice_idx" ON "notice_attempt" ("notice_id", "id");

CREATE FUNCTION "notice_attempt_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "notice_attempt" ("notice_id", "attempt", "outcome", "answer", "recipients")
  VALUES (NEW."id", NEW."attempts", NEW."status"::text,
          CASE WHEN NEW."status" = 'sent' THEN NEW."smtp_response" ELSE NEW."last_error" END, NEW."recipients");
  RETURN NULL;
END $$;

CREATE TRIGGER "notice_attempt_record" AFTER UPDATE OF "status" ON "notice"
  FOR EACH ROW WHEN (OLD."status" = 'sending' AND NEW."status" <> 'sending' AND OLD."attempts" = NEW."attempts")
  EXECUTE FUNCTION "notice_attempt_record"();
