import type { Candidate, ExposureRow, MatchReason } from "@baken/core";
import { rows, type Conn } from "../transaction.ts";

// What the API shows of lists and their exposures, read straight from SQL: timestamps are formatted by
// PostgreSQL, networks and addresses by abbrev().

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
  /** When the online contact lookups after its upload finished (null: off, or still running). */
  contactsLookedUpAt: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  duplicates: number;
  reportType: string | null;
  reportName: string | null;
  severity: string | null;
  classification: { taxonomy: string; type: string; identifier: string | null } | null;
};

/** A stored exposure as staff read it: the row as read (see ExposureRow), its owner and every candidate. */
export type ExposureView = Pick<
  ExposureRow,
  "line" | "port" | "protocol" | "hostname" | "asn" | "seenAt" | "tag" | "version" | "severity"
> & {
  id: number;
  /** An address, or a network as address/bits. */
  ip: string | null;
  raw: Record<string, string> | null;
  organization: { id: string; name: string } | null;
  matchReason: MatchReason | null;
  candidates: (Candidate & { organizationName: string | null })[];
};

export type Page = { page: number; pageSize: number };

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT_LIST = `SELECT l."id", l."file_name" AS "fileName", l."source", l."format", l."sha256", l."size_bytes" AS "sizeBytes",
  l."tlp"::text AS "tlp", l."campaign_id" AS "campaignId", s."email" AS "uploadedBy",
  ${ISO(`l."created_at"`)} AS "createdAt", ${ISO(`l."matched_at"`)} AS "matchedAt",
  ${ISO(`l."contacts_looked_up_at"`)} AS "contactsLookedUpAt",
  l."row_count" AS "rows", l."accepted_count" AS "accepted", l."rejected_count" AS "rejected", l."duplicate_count" AS "duplicates",
  l."report_type" AS "reportType", l."report_name" AS "reportName", l."severity",
  CASE WHEN l."classification_taxonomy" IS NULL THEN NULL ELSE json_build_object('taxonomy', l."classification_taxonomy",
    'type', l."classification_type", 'identifier', l."classification_identifier") END AS "classification"
  FROM "exposure_list" l LEFT JOIN "staff_user" s ON s."id" = l."uploaded_by_id"`;

/** Lists, newest first, and how many there are. */
export async function findLists(conn: Conn, q: Page & { campaignId?: string }) {
  const where = q.campaignId ? `WHERE l."campaign_id" = $3::uuid` : "";
  const params: unknown[] = [q.pageSize, (q.page - 1) * q.pageSize, ...(q.campaignId ? [q.campaignId] : [])];
  const [lists, [total]] = await Promise.all([
    rows<ListSummaryRow>(
      conn,
      `${SELECT_LIST} ${where} ORDER BY l."created_at" DESC, l."id" LIMIT $1 OFFSET $2`,
      params,
    ),
    rows<{ n: number }>(
      conn,
      `SELECT count(*)::int AS n FROM "exposure_list" l ${q.campaignId ? `WHERE l."campaign_id" = $1::uuid` : ""}`,
      q.campaignId ? [q.campaignId] : [],
    ),
  ]);
  return { lists, total: total!.n };
}

export async function findList(conn: Conn, id: string): Promise<ListSummaryRow | null> {
  const [list] = await rows<ListSummaryRow>(conn, `${SELECT_LIST} WHERE l."id" = $1::uuid`, [id]);
  return list ?? null;
}

/**
 * How a list's exposures were matched: a count per match reason (null: unmatched), and per organization
 * (most first). An exposure whose organization was deleted since keeps its reason but counts as unmatched.
 */
export async function findListMatches(conn: Conn, id: string) {
  const [reasons, organizations] = await Promise.all([
    rows<{ reason: MatchReason | null; n: number }>(
      conn,
      `SELECT CASE WHEN "organization_id" IS NULL THEN NULL ELSE "match_reason"::text END AS "reason", count(*)::int AS n
       FROM "exposure" WHERE "list_id" = $1::uuid GROUP BY 1`,
      [id],
    ),
    rows<{ id: string; name: string; count: number; kind: "registered" | "abuse_contact" }>(
      conn,
      `SELECT o."id", o."name", c.n AS "count", o."kind" FROM (
         SELECT "organization_id", count(*)::int AS n FROM "exposure" WHERE "list_id" = $1::uuid AND "organization_id" IS NOT NULL GROUP BY 1
       ) c JOIN "organization" o ON o."id" = c."organization_id" ORDER BY c.n DESC, o."name"`,
      [id],
    ),
  ]);
  return { reasons, organizations };
}

type ExposureRecord = Omit<ExposureView, "organization" | "candidates"> & {
  organizationId: string | null;
  organizationName: string | null;
  candidates: Candidate[];
};

/**
 * A page of a list's exposures in file order, filtered by matched / unmatched and organization, with each
 * one's candidates as stored (their organizations' names are the caller's to add), and how many match.
 */
export async function findExposures(
  conn: Conn,
  listId: string,
  q: Page & { matched?: boolean; organizationId?: string },
) {
  const conditions = [`e."list_id" = $1::uuid`];
  const params: unknown[] = [listId];
  if (q.matched !== undefined)
    conditions.push(q.matched ? `e."organization_id" IS NOT NULL` : `e."organization_id" IS NULL`);
  if (q.organizationId) {
    params.push(q.organizationId);
    conditions.push(`e."organization_id" = $${params.length}::uuid`);
  }
  const where = conditions.join(" AND ");
  const [exposures, [total]] = await Promise.all([
    rows<ExposureRecord>(
      conn,
      `SELECT e."id", e."line", abbrev(e."ip") AS "ip", e."port", e."protocol", e."hostname", e."asn",
         ${ISO(`e."seen_at"`)} AS "seenAt", e."tag", e."version", e."severity", e."raw"::json AS "raw",
         e."organization_id" AS "organizationId", o."name" AS "organizationName", e."match_reason"::text AS "matchReason",
         coalesce(c."candidates", '[]'::jsonb) AS "candidates"
       FROM "exposure" e LEFT JOIN "organization" o ON o."id" = e."organization_id"
       LEFT JOIN "candidate_set" c ON c."digest" = e."candidate_set"
       WHERE ${where} ORDER BY e."id" LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    ),
    rows<{ n: number }>(conn, `SELECT count(*)::int AS n FROM "exposure" e WHERE ${where}`, params),
  ]);
  return { exposures, total: total!.n };
}

/** A page of the rows a list rejected, by line, and how many there are. */
export async function findListErrors(conn: Conn, listId: string, q: Page) {
  const [errors, [total]] = await Promise.all([
    rows<{ line: number; field: string; message: string }>(
      conn,
      `SELECT "line", "field", "message" FROM "list_error" WHERE "list_id" = $1::uuid ORDER BY "line", "id" LIMIT $2 OFFSET $3`,
      [listId, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    rows<{ n: number }>(conn, `SELECT count(*)::int AS n FROM "list_error" WHERE "list_id" = $1::uuid`, [listId]),
  ]);
  return { errors, total: total!.n };
}
