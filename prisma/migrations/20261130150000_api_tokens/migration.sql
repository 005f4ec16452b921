-- API tokens (issue 17): what scripts, a SOAR or a partner CERT use instead of a person's 8-hour session.
-- An admin creates one with a role (viewer or analyst, never admin: the CHECK holds it whatever the code
-- does) and an expiry; the secret is shown once and only its SHA-256 is kept. A token is revoked, never
-- deleted, so the audit events it made keep naming it.
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "StaffRole" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by_id" UUID,
    -- Written at most once a minute per token (not on every request): see packages/db/src/staff/api-tokens.ts.
    "last_used_at" TIMESTAMPTZ(3),
    "last_used_ip" TEXT,
    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_token_role_check" CHECK ("role" IN ('viewer', 'analyst'))
);
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");
CREATE INDEX "api_token_created_at_idx" ON "api_token"("created_at" DESC);
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_revoked_by_id_fkey" FOREIGN KEY ("revoked_by_id") REFERENCES "staff_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What a token did is its creator's act through that token: the event's actor is the creator, and this
-- column names the token.
ALTER TABLE "audit_event" ADD COLUMN "api_token_id" UUID;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_api_token_id_fkey" FOREIGN KEY ("api_token_id") REFERENCES "api_token"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "audit_event_api_token_id_idx" ON "audit_event"("api_token_id") WHERE "api_token_id" IS NOT NULL;
