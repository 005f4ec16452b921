-- A campaign's RSIT classification (issue 17) may be unknown: a campaign created without one takes the
-- classification of the first list of a known report type that joins it (Shadowserver's own, from its
-- report schema), with that list's IntelMQ identifier (open-rdp, accessible-ftp...), which tells the X-ARF
-- report type apart (an exposed service from a flawed one). Campaigns made so far keep the class and type
-- they have (until now the columns' defaults).
ALTER TABLE "campaign"
  ALTER COLUMN "rsit_class" DROP NOT NULL,
  ALTER COLUMN "rsit_class" DROP DEFAULT,
  ALTER COLUMN "rsit_type" DROP NOT NULL,
  ALTER COLUMN "rsit_type" DROP DEFAULT,
  ADD COLUMN "classification_identifier" TEXT,
  ADD COLUMN "classified_from_list_id" UUID,
  ADD CONSTRAINT "campaign_rsit_pair" CHECK (("rsit_class" IS NULL) = ("rsit_type" IS NULL));

ALTER TABLE "campaign" ADD CONSTRAINT "campaign_classified_from_list_id_fkey" FOREIGN KEY ("classified_from_list_id") REFERENCES "exposure_list"("id") ON DELETE SET NULL ON UPDATE CASCADE;
