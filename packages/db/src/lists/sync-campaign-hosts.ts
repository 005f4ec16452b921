import { sqlOf, type Tx } from "../transaction.ts";

export type SyncCampaignHostsResult = {
  /** Distinct hosts of the list written to the campaign (new and existing). */
  hosts: number;
  created: number;
  /** Hosts that were gone and are seen again (back to notified, or open when never notified). */
  reopened: number;
  /** Hosts of the campaign absent from this list, now gone (only when this is the campaign's newest list). */
  gone: number;
};

/**
 * Folds a list's matched exposures into its campaign's hosts (campaign_host), set-based in three
 * statements whatever the list's size. Call it inside the transaction that attached, uploaded or
 * re-matched the list. Contract:
 * - one row per distinct host, host_key = host_key(ip, port, hostname) (SQL function: `ip|port|hostname`,
 *   normalised, empty parts allowed, a network as address/bits); organization_id from matching; severity
 *   the row's, else its list's report type's; first_seen_at / last_seen_at widened
 *   with the row's seen_at, else the list's upload time; last_list_id = the newest list that saw it;
 * - a host that was `gone` and is seen again by the campaign's newest list returns to `notified` when it
 *   has a notice_id, else to `open` (gone_at cleared); every other state is kept, so a `remediated` host
 *   still present stays `remediated` with last_seen_at > answered_at ("claimed fixed, still seen");
 * - when the list is the campaign's newest (latest created_at), every host of the campaign absent from it
 *   becomes `gone` with gone_at = now(). An older list attached later only adds sightings.
 */
export async function syncCampaignHosts(
  tx: Tx,
  input: { campaignId: string; listId: string },
): Promise<SyncCampaignHostsResult> {
  const { campaignId, listId } = input;
  const db = sqlOf(tx);
  const latest = await db.query<{ isLatest: boolean }>(
    `SELECT coalesce((SELECT "id" FROM "exposure_list" WHERE "campaign_id" = $1::uuid
                      ORDER BY "created_at" DESC, "id" DESC LIMIT 1) = $2::uuid, false) AS "isLatest"`,
    [campaignId, listId],
  );
  const isLatest = latest.rows[0]?.isLatest ?? false;
  const up = await db.query<{ hosts: number; created: number; reopened: number }>(
    `WITH src AS (
       SELECT DISTINCT ON (k) k AS "host_key", e."ip", e."port", e."protocol", e."hostname", e."tag", e."version",
              coalesce(e."severity", l."severity") AS "severity", e."organization_id", e."match_reason",
              coalesce(e."seen_at", l."created_at") AS "seen"
       FROM "exposure" e
       JOIN "exposure_list" l ON l."id" = e."list_id"
       CROSS JOIN LATERAL host_key(e."ip", e."port", e."hostname") AS k
       WHERE e."list_id" = $2::uuid
       ORDER BY k, e."seen_at" DESC NULLS LAST, e."id"
     ),
     was_gone AS (
       SELECT count(*)::int AS n FROM "campaign_host" h JOIN src ON src."host_key" = h."host_key"
       WHERE h."campaign_id" = $1::uuid AND h."state" = 'gone' AND $3::boolean
     ),
     up AS (
       INSERT INTO "campaign_host" ("campaign_id", "host_key", "ip", "port", "protocol", "hostname", "tag", "version",
                                    "severity", "organization_id", "match_reason", "state", "first_seen_at", "last_seen_at",
                                    "last_list_id")
       SELECT $1::uuid, "host_key", "ip", "port", "protocol", "hostname", "tag", "version", "severity", "organization_id",
              "match_reason", 'open', "seen", "seen", $2::uuid
       FROM src
       ON CONFLICT ("campaign_id", "host_key") DO UPDATE SET
         "organization_id" = CASE WHEN $3::boolean OR "campaign_host"."last_list_id" = $2::uuid
                                  THEN EXCLUDED."organization_id" ELSE "campaign_host"."organization_id" END,
         "match_reason" = CASE WHEN $3::boolean OR "campaign_host"."last_list_id" = $2::uuid
                               THEN EXCLUDED."match_reason" ELSE "campaign_host"."match_reason" END,
         "protocol" = coalesce(EXCLUDED."protocol", "campaign_host"."protocol"),
         "tag" = coalesce(EXCLUDED."tag", "campaign_host"."tag"),
         "version" = coalesce(EXCLUDED."version", "campaign_host"."version"),
         "severity" = coalesce(EXCLUDED."severity", "campaign_host"."severity"),
         "first_seen_at" = LEAST("campaign_host"."first_seen_at", EXCLUDED."first_seen_at"),
         "last_seen_at" = GREATEST("campaign_host"."last_seen_at", EXCLUDED."last_seen_at"),
         "last_list_id" = CASE WHEN $3::boolean THEN $2::uuid ELSE "campaign_host"."last_list_id" END,
         "state" = CASE WHEN "campaign_host"."state" = 'gone' AND $3::boolean
                        THEN (CASE WHEN "campaign_host"."notice_id" IS NULL THEN 'open' ELSE 'notified' END)::"HostState"
                        ELSE "campaign_host"."state" END,
         "gone_at" = CASE WHEN "campaign_host"."state" = 'gone' AND $3::boolean THEN NULL ELSE "campaign_host"."gone_at" END
       RETURNING (xmax = 0) AS "inserted"
     )
     SELECT count(*)::int AS "hosts", (count(*) FILTER (WHERE "inserted"))::int AS "created", (SELECT n FROM was_gone) AS "reopened" FROM up`,
    [campaignId, listId, isLatest],
  );
  let gone = 0;
  if (isLatest) {
    const g = await db.query(
      `UPDATE "campaign_host" SET "state" = 'gone', "gone_at" = now()
       WHERE "campaign_id" = $1::uuid AND "state" <> 'gone' AND "last_list_id" <> $2::uuid`,
      [campaignId, listId],
    );
    gone = g.rowCount ?? 0;
  }
  const r = up.rows[0]!;
  return { hosts: r.hosts, created: r.created, reopened: r.reopened, gone };
}
