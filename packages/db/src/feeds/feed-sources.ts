import type { FeedKind, FeedRule, TlpLevel } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** A feed source with its rules (each rule's campaign named), as the use cases and views read it. */
export type FeedSourceRow = {
  id: string;
  name: string;
  kind: FeedKind;
  enabled: boolean;
  apiUrl: string | null;
  downloadUrl: string | null;
  /** Sealed (see @baken/core's sealSecret): only the pull opens it. */
  credentials: string | null;
  apiKeyHint: string | null;
  reportTypes: string[];
  mailingLists: string[];
  schedule: string | null;
  lookbackDays: number;
  tlp: TlpLevel;
  createdAt: Date;
  updatedAt: Date;
  rules: (FeedRule & { campaignName: string })[];
};

/** The columns a change may set, by field. */
export type FeedSourceFields = Omit<FeedSourceRow, "id" | "kind" | "createdAt" | "updatedAt" | "rules">;

const COLUMN: Record<keyof FeedSourceFields, string> = {
  name: `"name" = $N`,
  enabled: `"enabled" = $N`,
  apiUrl: `"api_url" = $N`,
  downloadUrl: `"download_url" = $N`,
  credentials: `"credentials" = $N`,
  apiKeyHint: `"api_key_hint" = $N`,
  reportTypes: `"report_types" = $N::text[]`,
  mailingLists: `"mailing_lists" = $N::text[]`,
  schedule: `"schedule" = $N`,
  lookbackDays: `"lookback_days" = $N`,
  tlp: `"tlp" = $N::"Tlp"`,
};

const SOURCE = `s."id", s."name", s."kind", s."enabled", s."api_url" AS "apiUrl", s."download_url" AS "downloadUrl",
  s."credentials", s."api_key_hint" AS "apiKeyHint", s."report_types" AS "reportTypes",
  s."mailing_lists" AS "mailingLists", s."schedule", s."lookback_days" AS "lookbackDays", s."tlp"::text AS "tlp",
  s."created_at" AS "createdAt", s."updated_at" AS "updatedAt",
  coalesce((SELECT json_agg(json_build_object('reportType', r."report_type", 'campaignId', r."campaign_id",
                                               'campaignName', c."name") ORDER BY r."report_type")
              FROM "feed_rule" r JOIN "campaign" c ON c."id" = r."campaign_id"
             WHERE r."feed_source_id" = s."id"), '[]') AS "rules"`;

export async function insertFeedSource(
  tx: Tx,
  source: { id: string; kind: FeedKind; createdById: string | null } & FeedSourceFields,
): Promise<void> {
  const given = Object.keys(COLUMN) as (keyof FeedSourceFields)[];
  const columns = given.map((f) => COLUMN[f].slice(0, COLUMN[f].indexOf(" =")));
  const values = given.map((f, i) => COLUMN[f].slice(COLUMN[f].indexOf("$N")).replace("$N", `$${i + 4}`));
  await rows(
    tx,
    `INSERT INTO "feed_source" ("id", "kind", "created_by_id", ${columns.join(", ")})
     VALUES ($1::uuid, $2, $3::uuid, ${values.join(", ")})`,
    [source.id, source.kind, source.createdById, ...given.map((f) => source[f])],
  );
}

/** Changes the fields given; false when there is no such source. */
export async function updateFeedSource(tx: Tx, id: string, fields: Partial<FeedSourceFields>): Promise<boolean> {
  const params: unknown[] = [id];
  const set = (Object.keys(COLUMN) as (keyof FeedSourceFields)[])
    .filter((f) => fields[f] !== undefined)
    .map((f) => COLUMN[f].replace("$N", `$${params.push(fields[f])}`));
  const changed = await rows(
    tx,
    `UPDATE "feed_source" SET ${[...set, `"updated_at" = now()`].join(", ")} WHERE "id" = $1::uuid RETURNING "id"`,
    params,
  );
  return changed.length > 0;
}

/** Replaces a source's rules. */
export async function setFeedRules(tx: Tx, id: string, rules: FeedRule[]): Promise<void> {
  await rows(tx, `DELETE FROM "feed_rule" WHERE "feed_source_id" = $1::uuid`, [id]);
  if (rules.length === 0) return;
  await rows(
    tx,
    `INSERT INTO "feed_rule" ("feed_source_id", "report_type", "campaign_id")
     SELECT $1::uuid, t, c FROM unnest($2::text[], $3::uuid[]) AS x(t, c)`,
    [id, rules.map((r) => r.reportType), rules.map((r) => r.campaignId)],
  );
}

export async function findFeedSource(conn: Conn, id: string): Promise<FeedSourceRow | null> {
  const [source] = await rows<FeedSourceRow>(conn, `SELECT ${SOURCE} FROM "feed_source" s WHERE s."id" = $1::uuid`, [
    id,
  ]);
  return source ?? null;
}

/** Every source, by name. */
export async function findFeedSources(db: Db): Promise<FeedSourceRow[]> {
  return rows<FeedSourceRow>(db, `SELECT ${SOURCE} FROM "feed_source" s ORDER BY s."name"`);
}

export async function deleteFeedSource(tx: Tx, id: string): Promise<boolean> {
  return (await rows(tx, `DELETE FROM "feed_source" WHERE "id" = $1::uuid RETURNING "id"`, [id])).length > 0;
}

/** The given campaign ids that name no campaign. */
export async function missingCampaigns(conn: Conn, ids: string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(
    conn,
    `SELECT x.id FROM unnest($1::uuid[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM "campaign" c WHERE c."id" = x.id)`,
    [ids],
  );
  return found.map((r) => r.id);
}
