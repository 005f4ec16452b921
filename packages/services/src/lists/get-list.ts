import { notFound } from "@baken/core";
import type { Ctx } from "../context.ts";

export type ListSummaryRow = {
  id: string;
  fileName: string;
  source: string | null;
  format: string;
  sha256: string;
  sizeBytes: number;
  tlp: string;
  campaignId: string | null;
  uploadedBy: string | null;
  createdAt: string;
  matchedAt: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  reportType: string | null;
  reportName: string | null;
  severity: string | null;
  classification: { taxonomy: string; type: string; identifier: string | null } | null;
};

const SELECT_LIST = `SELECT l."id", l."file_name" AS "fileName", l."source", l."format", l."sha256", l."size_bytes" AS "sizeBytes",
  l."tlp"::text AS "tlp", l."campaign_id" AS "campaignId", s."email" AS "uploadedBy",
  to_char(l."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(l."matched_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "matchedAt",
  l."row_count" AS "rows", l."accepted_count" AS "accepted", l."rejected_count" AS "rejected", l."duplicate_count" AS "duplicates",
  l."report_type" AS "reportType", l."report_name" AS "reportName", l."severity",
  CASE WHEN l."classification_taxonomy" IS NULL THEN NULL ELSE json_build_object('taxonomy', l."classification_taxonomy",
    'type', l."classification_type", 'identifier', l."classification_identifier") END AS "classification"
  FROM "exposure_list" l LEFT JOIN "staff_user" s ON s."id" = l."uploaded_by_id"`;

/** Lists, newest first. */
export async function listLists(ctx: Pick<Ctx, "db">, q: { page: number; pageSize: number; campaignId?: string }) {
  const where = q.campaignId ? `WHERE l."campaign_id" = $3::uuid` : "";
  const params: unknown[] = [q.pageSize, (q.page - 1) * q.pageSize, ...(q.campaignId ? [q.campaignId] : [])];
  const [rows, total] = await Promise.all([
    ctx.db.pool.query<ListSummaryRow>(
      `${SELECT_LIST} ${where} ORDER BY l."created_at" DESC, l."id" LIMIT $1 OFFSET $2`,
      params,
    ),
    ctx.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "exposure_list" l ${q.campaignId ? `WHERE l."campaign_id" = $1::uuid` : ""}`,
      q.campaignId ? [q.campaignId] : [],
    ),
  ]);
  return { lists: rows.rows, total: total.rows[0]!.n, page: q.page, pageSize: q.pageSize };
}

/**
 * One list with its match summary: matched and unmatched exposures, the organizations involved with
 * their counts (most first), and how many exposures each match reason decided.
 */
export async function getList(ctx: Pick<Ctx, "db">, id: string) {
  const list = await ctx.db.pool.query<ListSummaryRow>(`${SELECT_LIST} WHERE l."id" = $1::uuid`, [id]);
  if (!list.rows[0]) throw notFound("List");
  const [reasons, orgs] = await Promise.all([
    ctx.db.pool.query<{ reason: string | null; n: number }>(
      // An exposure whose organization was deleted since keeps its reason but counts as unmatched.
      `SELECT CASE WHEN "organization_id" IS NULL THEN NULL ELSE "match_reason"::text END AS "reason", count(*)::int AS n
       FROM "exposure" WHERE "list_id" = $1::uuid GROUP BY 1`,
      [id],
    ),
    ctx.db.pool.query<{ id: string; name: string; count: number }>(
      `SELECT o."id", o."name", c.n AS "count" FROM (
         SELECT "organization_id", count(*)::int AS n FROM "exposure" WHERE "list_id" = $1::uuid AND "organization_id" IS NOT NULL GROUP BY 1
       ) c JOIN "organization" o ON o."id" = c."organization_id" ORDER BY c.n DESC, o."name"`,
      [id],
    ),
  ]);
  const byReason = { manual: 0, domain: 0, network: 0, asn: 0 };
  let unmatched = 0;
  for (const r of reasons.rows) {
    if (r.reason === null) unmatched += r.n;
    else byReason[r.reason as keyof typeof byReason] = r.n;
  }
  const matched = Object.values(byReason).reduce((a, b) => a + b, 0);
  return {
    ...list.rows[0],
    summary: { exposures: matched + unmatched, matched, unmatched, byReason, organizations: orgs.rows },
  };
}
