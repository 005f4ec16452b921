-- A password reset ends the account's open sessions: each session token carries the epoch it was signed in,
-- and one from an older epoch is refused. Tokens signed before this column existed carry none: epoch 0.
ALTER TABLE "staff_user" ADD COLUMN "session_epoch" INTEGER NOT NULL DEFAULT 0;
