-- A campaign's coverage (issue 14): whom each host reaches, and how: a registered organization, an abuse
-- contact by its source, nobody. The host keeps the match reason of the exposure that gave it its
-- organization, written with it by the same statement (syncCampaignHosts).
ALTER TABLE "campaign_host" ADD COLUMN "match_reason" "MatchReason";

-- Hosts already there: the reason of their last list's exposure that named the same organization.
UPDATE "campaign_host" h SET "match_reason" = e."match_reason"
  FROM "exposure" e
 WHERE e."list_id" = h."last_list_id" AND e."organization_id" = h."organization_id"
   AND host_key(e."ip", e."port", e."hostname") = h."host_key";
