import type { CampaignInput, CampaignPatch, MatchReason } from "@baken/core";
import type { Db } from "../client.ts";
import type { Campaign } from "../generated/client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

const CAMPAIGN = `"id", "name", "description", coalesce("cves", '{}') AS "cves", "rsit_class" AS "rsitClass",
  "rsit_type" AS "rsitType", "classification_identifier" AS "classificationIdentifier",
  "classified_from_list_id" AS "classifiedFromListId", "severity", "tlp"::text AS "tlp", "advice",
  "compromise_since" AS "compromiseSince", "reminder_every_days" AS "reminderEveryDays", "created_at" AS "createdAt",
  "updated_at" AS "updatedAt"`;

// Each field of a campaign as a SET clause, $N its parameter.
const SET: Record<keyof CampaignInput, string> = {
  name: `"name" = $N`,
  description: `"description" = $N`,
  cves: `"cves" = $N::text[]`,
  rsitClass: `"rsit_class" = $N`,
  rsitType: `"rsit_type" = $N`,
  severity: `"severity" = $N`,
  tlp: `"tlp" = $N::"Tlp"`,
  advice: `"advice" = $N::jsonb`,
  compromiseSince: `"compromise_since" = $N`,
  reminderEveryDays: `"reminder_every_days" = $N`,
};
const FIELDS = Object.keys(SET) as (keyof CampaignInput)[];
// JSON goes as text: pg would write a JS array as a PostgreSQL array.
const param = (field: keyof CampaignInput, value: unknown) => (field === "advice" ? JSON.stringify(value) : value);

export async function campaignExists(conn: Conn, id: string): Promise<boolean> {
  return (await rows(conn, `SELECT 1 FROM "campaign" WHERE "id" = $1::uuid`, [id])).length > 0;
}

export async function findCampaign(conn: Conn, id: string): Promise<Campaign | null> {
  const [campaign] = await rows<Campaign>(conn, `SELECT ${CAMPAIGN} FROM "campaign" WHERE "id" = $1::uuid`, [id]);
  return campaign ?? null;
}

/** Creates a campaign; a field the input leaves undefined takes the column's default. */
export async function insertCampaign(tx: Tx, input: CampaignInput): Promise<Campaign> {
  const given = FIELDS.filter((f) => input[f] !== undefined);
  const params = given.map((f) => param(f, input[f]));
  const columns = given.map((f) => SET[f].slice(0, SET[f].indexOf(" =")));
  const values = given.map((f, i) => SET[f].slice(SET[f].indexOf("$N")).replace("$N", `$${i + 1}`));
  const [campaign] = await rows<Campaign>(
    tx,
    `INSERT INTO "campaign" (${[...columns, `"updated_at"`].join(", ")})
     VALUES (${[...values, "now()"].join(", ")}) RETURNING ${CAMPAIGN}`,
    params,
  );
  return campaign!;
}

// A classification staff change by hand is theirs: the list it was taken from, and that list's identifier,
// no longer speak for it. (SET expressions read the row as it was.) Set again unchanged, it stays as it was.
const RSIT_CHANGED = `("rsit_class" IS DISTINCT FROM $C OR "rsit_type" IS DISTINCT FROM $T)`;
const KEEP_UNLESS_CHANGED = ["classification_identifier", "classified_from_list_id"].map(
  (column) => `"${column}" = CASE WHEN ${RSIT_CHANGED} THEN NULL ELSE "${column}" END`,
);

/** Changes the fields the patch gives (undefined: unchanged); null when there is no such campaign. */
export async function updateCampaign(tx: Tx, id: string, patch: CampaignPatch): Promise<Campaign | null> {
  const params: unknown[] = [id];
  const set = FIELDS.filter((f) => patch[f] !== undefined).map((f) =>
    SET[f].replace("$N", `$${params.push(param(f, patch[f]))}`),
  );
  if (patch.rsitClass !== undefined) {
    const c = `$${params.push(patch.rsitClass)}::text`;
    const t = `$${params.push(patch.rsitType ?? null)}::text`;
    set.unshift(...KEEP_UNLESS_CHANGED.map((clause) => clause.replaceAll("$C", c).replaceAll("$T", t)));
  }
  const [campaign] = await rows<Campaign>(
    tx,
    `UPDATE "campaign" SET ${[...set, `"updated_at" = now()`].join(", ")} WHERE "id" = $1::uuid RETURNING ${CAMPAIGN}`,
    params,
  );
  return campaign ?? null;
}

/**
 * Gives a campaign not classified yet the classification of a list that joins it; false when the campaign
 * already has one (staff's or an earlier list's, which stays).
 */
export async function adoptListClassification(
  tx: Tx,
  id: string,
  c: { rsitClass: string; rsitType: string; identifier: string | null; listId: string },
): Promise<boolean> {
  const changed = await rows(
    tx,
    `UPDATE "campaign" SET "rsit_class" = $2, "rsit_type" = $3, "classification_identifier" = $4,
            "classified_from_list_id" = $5::uuid, "updated_at" = now()
      WHERE "id" = $1::uuid AND "rsit_class" IS NULL RETURNING "id"`,
    [id, c.rsitClass, c.rsitType, c.identifier, c.listId],
  );
  return changed.length > 0;
}

export async function deleteCampaign(tx: Tx, id: string): Promise<void> {
  await rows(tx, `DELETE FROM "campaign" WHERE "id" = $1::uuid`, [id]);
}

export async function countCampaignNotices(conn: Conn, id: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    conn,
    `SELECT count(*)::int AS n FROM "notice" WHERE "campaign_id" = $1::uuid`,
    [id],
  );
  return row!.n;
}

/** Every N days a reminder round, or null; undefined when there is no such campaign. */
export async function findReminderInterval(conn: Conn, id: string): Promise<number | null | undefined> {
  const [row] = await rows<{ days: number | null }>(
    conn,
    `SELECT "reminder_every_days" AS "days" FROM "campaign" WHERE "id" = $1::uuid`,
    [id],
  );
  return row ? row.days : undefined;
}

/** Sets the reminder interval; false when there is no such campaign. */
export async function setReminderInterval(tx: Tx, id: string, everyDays: number | null): Promise<boolean> {
  const changed = await rows<{ id: string }>(
    tx,
    `UPDATE "campaign" SET "reminder_every_days" = $2, "updated_at" = now() WHERE "id" = $1::uuid RETURNING "id"`,
    [id, everyDays],
  );
  return changed.length > 0;
}

/**
 * A campaign with its lists (oldest first), how many of its hosts and notices are in each state, and how
 * many hosts each match reason gave their organization (null: none).
 */
export async function findCampaignDetail(db: Db, id: string) {
  const { prisma } = db;
  const campaign = await prisma.campaign.findUnique({
    where: { id },
    include: {
      lists: {
        orderBy: { createdAt: "asc" },
        select: { id: true, fileName: true, rowCount: true, acceptedCount: true, reportType: true, createdAt: true },
      },
    },
  });
  if (!campaign) return null;
  const [hosts, unmatched, notices, reasons] = await Promise.all([
    prisma.campaignHost.groupBy({ by: ["state"], where: { campaignId: id }, _count: { _all: true } }),
    prisma.campaignHost.count({ where: { campaignId: id, organizationId: null } }),
    prisma.notice.groupBy({ by: ["status"], where: { campaignId: id }, _count: { _all: true } }),
    // A host matched before hosts kept their reason (and not found by the migration's backfill) counts by
    // its organization's kind.
    rows<{ reason: MatchReason | null; n: number }>(
      db,
      `SELECT CASE WHEN h."organization_id" IS NULL THEN NULL
                   ELSE coalesce(h."match_reason"::text, CASE o."kind" WHEN 'abuse_contact' THEN 'abuse_network' ELSE 'manual' END)
              END AS "reason", count(*)::int AS "n"
         FROM "campaign_host" h LEFT JOIN "organization" o ON o."id" = h."organization_id"
        WHERE h."campaign_id" = $1::uuid GROUP BY 1`,
      [id],
    ),
  ]);
  return {
    campaign,
    hostsByState: new Map(hosts.map((h) => [h.state, h._count._all])),
    unmatched,
    noticesByStatus: new Map(notices.map((n) => [n.status, n._count._all])),
    reasons,
  };
}

/** Campaigns newest first, a page at a time, with how many lists, hosts and notices each has. */
export async function findCampaigns(db: Db, page: { limit: number; offset: number }) {
  const [total, campaigns] = await Promise.all([
    db.prisma.campaign.count(),
    db.prisma.campaign.findMany({
      orderBy: { createdAt: "desc" },
      take: page.limit,
      skip: page.offset,
      include: { _count: { select: { hosts: true, notices: true, lists: true } } },
    }),
  ]);
  return { total, campaigns };
}
