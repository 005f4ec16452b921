-- CreateIndex
CREATE INDEX "remediation_reply_host_id_at_idx" ON "remediation_reply"("host_id", "at");
