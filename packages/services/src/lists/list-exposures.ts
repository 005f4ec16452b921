import { notFound, type Candidate } from "@baken/core";
import type { Ctx } from "../context.ts";
import { organizationNames } from "./organization-names.ts";

export type ExposureQuery = { matched?: boolean; organizationId?: string; page: number; pageSize: number };

export type ExposureView = {
  id: number;
  line: number;
  ip: string | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  asn: number | null;
  seenAt: string | null;
  tag: string | null;
  version: string | null;
  severity: string | null;
  raw: Record<string, string> | null;
  organization: { id: string; name: string } | null;
  matchReason: "manual" | "domain" | "network" | "asn" | null;
  candidates: (Candidate & { organizationName: string | null })[];
};

/** A page of a list's exposures in file order, filtered by matched / unmatched and organization. */
export async function listExposures(ctx: Pick<Ctx, "db">, listId: string, q: ExposureQuery) {
  const exists = await ctx.db.pool.query(`SELECT 1 FROM "exposure_list" WHERE "id" = $1::uuid`, [listId]);
  if (exists.rowCount === 0) throw notFound("List");
  const conditions = [`e."list_id" = $1::uuid`];
  const params: unknown[] = [listId];
  if (q.matched !== undefined)
    conditions.push(q.matched ? `e."organization_id" IS NOT NULL` : `e."organization_id" IS NULL`);
  if (q.organizationId) {
    params.push(q.organizationId);
    conditions.push(`e."organization_id" = $${params.length}::uuid`);
  }
  const where = conditions.join(" AND ");
  const [rows, total] = await Promise.all([
    ctx.db.pool.query<
      Omit<ExposureView, "organization" | "candidates"> & {
        organizationId: string | null;
        organizationName: string | null;
        candidates: Candidate[];
      }
    >(
      `SELECT e."id", e."line", abbrev(e."ip") AS "ip", e."port", e."protocol", e."hostname", e."asn",
         to_char(e."seen_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "seenAt", e."tag", e."version", e."severity", e."raw"::json AS "raw",
         e."organization_id" AS "organizationId", o."name" AS "organizationName", e."match_reason"::text AS "matchReason",
         coalesce(c."candidates", '[]'::jsonb) AS "candidates"
       FROM "exposure" e LEFT JOIN "organization" o ON o."id" = e."organization_id"
       LEFT JOIN "candidate_set" c ON c."digest" = e."candidate_set"
       WHERE ${where} ORDER BY e."id" LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    ),
    ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "exposure" e WHERE ${where}`, params),
  ]);
  const names = await organizationNames(
    ctx.db.pool,
    rows.rows.flatMap((r) => r.candidates.map((c) => c.organizationId)),
  );
  const exposures: ExposureView[] = rows.rows.map(({ organizationId, organizationName, candidates, ...e }) => ({
    ...e,
    organization: organizationId ? { id: organizationId, name: organizationName ?? "" } : null,
    candidates: candidates.map((c) => ({ ...c, organizationName: names.get(c.organizationId) ?? null })),
  }));
  return { exposures, total: total.rows[0]!.n, page: q.page, pageSize: q.pageSize };
}

/** A page of the rows a list rejected, by line. */
export async function listListErrors(ctx: Pick<Ctx, "db">, listId: string, q: { page: number; pageSize: number }) {
  const exists = await ctx.db.pool.query(`SELECT 1 FROM "exposure_list" WHERE "id" = $1::uuid`, [listId]);
  if (exists.rowCount === 0) throw notFound("List");
  const [rows, total] = await Promise.all([
    ctx.db.pool.query<{ line: number; field: string; message: string }>(
      `SELECT "line", "field", "message" FROM "list_error" WHERE "list_id" = $1::uuid ORDER BY "line", "id" LIMIT $2 OFFSET $3`,
      [listId, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    ctx.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "list_error" WHERE "list_id" = $1::uuid`, [
      listId,
    ]),
  ]);
  return { errors: rows.rows, total: total.rows[0]!.n, page: q.page, pageSize: q.pageSize };
}
