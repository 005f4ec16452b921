-- A notice is rendered (and an owner's page shown) from the hosts that point at it: find them by index,
-- not by scanning every host of every campaign.

-- CreateIndex
CREATE INDEX "campaign_host_notice_id_idx" ON "campaign_host"("notice_id");
