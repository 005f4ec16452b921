-- Signals are computed from the rows that raise them (an owner's answer, a failed notice, a new incident
-- report, a list with rejected rows); only a person's "handled" is stored, keyed by the subject's kind and id,
-- so a new kind of signal needs no column here.
CREATE TABLE "signal_handling" (
  "kind"          TEXT NOT NULL,
  "subject_id"    TEXT NOT NULL,
  "handled_by_id" UUID REFERENCES "staff_user" ("id") ON DELETE SET NULL,
  "handled_at"    TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "note"          TEXT NOT NULL DEFAULT '',
  PRIMARY KEY ("kind", "subject_id")
);

-- The owners' answers that raise a signal, found without reading every answer.
CREATE INDEX "remediation_reply_signal_idx" ON "remediation_reply" ("at" DESC)
  WHERE "answer" IN ('needs_help', 'not_ours', 'false_positive') OR "compromise" = 'yes';
