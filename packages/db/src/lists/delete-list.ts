import { AppError, type ListDeletionCampaign, type ListDeletionPlan } from "@baken/core";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** The plan, with the campaign's other lists, newest first (the order syncCampaignHosts calls newest). */
export type StoredListDeletionPlan = ListDeletionPlan & {
  campaign: (ListDeletionCampaign & { otherListIds: string[] }) | null;
};

// Hosts whose last list is $2 (in campaign $1): the only hosts this list can be the sole sighting of, since
// last_list_id is always a list that saw the host. "elsewhere" is, per host key among them, the newest of
// the campaign's other lists ($3, newest first) that saw it. `list_id = ANY($3)` lets the planner skip the
// tables of lists outside the campaign (constraint exclusion reads up to 100 ids).
const ELSEWHERE = `elsewhere AS (
  SELECT DISTINCT ON (k) k, e."list_id"
    FROM "exposure" e CROSS JOIN LATERAL host_key(e."ip", e."port", e."hostname") AS k
   WHERE e."list_id" = ANY($3::uuid[]) AND k IN (SELECT "host_key" FROM mine)
   ORDER BY k, array_position($3::uuid[], e."list_id")
)`;

/** Named by a notice, or answered for: part of the campaign's history. */
const UNNAMED = `h."notice_id" IS NULL AND h."notified_at" IS NULL AND h."answer" IS NULL AND NOT h."flagged"
  AND NOT EXISTS (SELECT 1 FROM "remediation_reply" r WHERE r."host_id" = h."id")`;

/** The list's campaign, unlocked (to take the campaign's send lock before the list's row); null: no list. */
export async function findListCampaign(conn: Conn, listId: string): Promise<{ campaignId: string | null } | null> {
  const [list] = await rows<{ campaignId: string | null }>(
    conn,
    `SELECT "campaign_id" AS "campaignId" FROM "exposure_list" WHERE "id" = $1::uuid`,
    [listId],
  );
  return list ?? null;
}

/** What deleting the list would do, as the database stands (in a transaction: as it stands there). */
export async function findListDeletionPlan(conn: Conn, listId: string): Promise<StoredListDeletionPlan | null> {
  const [list] = await rows<{
    fileName: string;
    exposures: number;
    campaignId: string | null;
    campaignName: string | null;
    newest: boolean;
    otherListIds: string[];
    notices: number;
  }>(
    conn,
    `SELECT l."file_name" AS "fileName", l."campaign_id" AS "campaignId", c."name" AS "campaignName",
            (SELECT count(*)::int FROM "exposure" e WHERE e."list_id" = $1::uuid) AS "exposures",
            NOT EXISTS (SELECT 1 FROM "exposure_list" o WHERE o."campaign_id" = l."campaign_id" AND o."id" <> l."id"
                          AND (o."created_at", o."id") > (l."created_at", l."id")) AS "newest",
            coalesce((SELECT array_agg(o."id" ORDER BY o."created_at" DESC, o."id" DESC) FROM "exposure_list" o
                       WHERE o."campaign_id" = l."campaign_id" AND o."id" <> l."id"), '{}') AS "otherListIds",
            (SELECT count(*)::int FROM "notice" n WHERE n."campaign_id" = l."campaign_id") AS "notices"
       FROM "exposure_list" l LEFT JOIN "campaign" c ON c."id" = l."campaign_id"
      WHERE l."id" = $1::uuid`,
    [listId],
  );
  if (!list) return null;
  const { fileName, exposures, campaignId } = list;
  if (!campaignId) return { listId, fileName, exposures, campaign: null };
  const [hosts] = await rows<{ hostsLeaving: number; hostsRelinked: number; hostsNamed: number }>(
    conn,
    `WITH mine AS (
       SELECT h."host_key", ${UNNAMED} AS "unnamed"
         FROM "campaign_host" h WHERE h."campaign_id" = $1::uuid AND h."last_list_id" = $2::uuid
     ), ${ELSEWHERE}
     SELECT (count(*) FILTER (WHERE s.k IS NULL AND m."unnamed"))::int AS "hostsLeaving",
            (count(*) FILTER (WHERE s.k IS NOT NULL))::int AS "hostsRelinked",
            (count(*) FILTER (WHERE s.k IS NULL AND NOT m."unnamed"))::int AS "hostsNamed"
       FROM mine m LEFT JOIN elsewhere s ON s.k = m."host_key"`,
    [campaignId, listId, list.otherListIds],
  );
  return {
    listId,
    fileName,
    exposures,
    campaign: {
      id: campaignId,
      name: list.campaignName!,
      newest: list.newest,
      otherLists: list.otherListIds.length,
      otherListIds: list.otherListIds,
      notices: list.notices,
      ...hosts!,
    },
  };
}

/**
 * Takes the list out of its campaign's hosts (after `findListDeletionPlan` in the same transaction, the
 * campaign's send lock held): hosts another list saw get that list as their last, those no notice named
 * leave; none may be left naming the list (a notice named it meanwhile: a conflict, nothing changed).
 */
export async function releaseListHosts(
  tx: Tx,
  input: { listId: string; campaignId: string; otherListIds: string[] },
): Promise<{ relinked: number; left: number }> {
  const params = [input.campaignId, input.listId, input.otherListIds];
  const [relinked] = await rows<{ n: number }>(
    tx,
    `WITH mine AS (SELECT "host_key" FROM "campaign_host" WHERE "campaign_id" = $1::uuid AND "last_list_id" = $2::uuid),
     ${ELSEWHERE},
     relinked AS (
       UPDATE "campaign_host" h SET "last_list_id" = s."list_id" FROM elsewhere s
        WHERE h."campaign_id" = $1::uuid AND h."last_list_id" = $2::uuid AND h."host_key" = s.k
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM relinked`,
    params,
  );
  const [left] = await rows<{ n: number }>(
    tx,
    `WITH left_hosts AS (
       DELETE FROM "campaign_host" h WHERE h."campaign_id" = $1::uuid AND h."last_list_id" = $2::uuid AND ${UNNAMED}
       RETURNING 1
     )
     SELECT count(*)::int AS n FROM left_hosts`,
    params.slice(0, 2),
  );
  const [named] = await rows<{ n: number }>(
    tx,
    `SELECT count(*)::int AS n FROM "campaign_host" WHERE "campaign_id" = $1::uuid AND "last_list_id" = $2::uuid`,
    params.slice(0, 2),
  );
  if (named!.n > 0) {
    throw new AppError(
      "conflict",
      `${named!.n} hosts of the list's campaign were notified meanwhile; nothing was deleted`,
    );
  }
  return { relinked: relinked!.n, left: left!.n };
}

/** A big list's table waits for no query longer than this: meanwhile every query of exposure would queue. */
const DROP_LOCK_TIMEOUT = "5s";

/**
 * Deletes the list's row; its exposures, its table (trigger exposure_list_deleted) and row errors go with
 * it, and its feed reports and a campaign classified from it keep their record without it (SET NULL).
 */
export async function deleteListRow(tx: Tx, listId: string): Promise<void> {
  await rows(tx, `SELECT set_config('lock_timeout', $1, true)`, [DROP_LOCK_TIMEOUT]);
  try {
    await rows(tx, `DELETE FROM "exposure_list" WHERE "id" = $1::uuid`, [listId]);
  } catch (err) {
    if ((err as { code?: string }).code === "55P03") {
      throw new AppError("unavailable", "The list's rows are in use by another query; nothing was deleted, try again");
    }
    throw err;
  }
  await rows(tx, `SELECT set_config('lock_timeout', '0', true)`);
}

/** Lists created before `before`, oldest first, after the cursor (keyset: created_at, id). */
export async function findExpiredLists(
  conn: Conn,
  input: { before: Date; after: { createdAt: Date; id: string } | null; limit: number },
): Promise<{ id: string; createdAt: Date }[]> {
  return rows(
    conn,
    `SELECT "id", "created_at" AS "createdAt" FROM "exposure_list"
      WHERE "created_at" < $1 AND ($2::timestamptz IS NULL OR ("created_at", "id") > ($2::timestamptz, $3::uuid))
      ORDER BY "created_at", "id" LIMIT $4`,
    [input.before, input.after?.createdAt ?? null, input.after?.id ?? null, input.limit],
  );
}
