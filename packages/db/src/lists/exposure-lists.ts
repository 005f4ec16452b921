import { AppError, type ListReport } from "@baken/core";
import { randomUUID } from "node:crypto";
import { rows, type Conn, type Tx } from "../transaction.ts";

/**
 * An upload's list row, made before its rows stream in (they reference it). Its sha256 is a unique
 * placeholder until the whole file is read; `finishList` writes the real one.
 */
export async function insertPendingList(tx: Tx, input: { fileName: string; uploadedById: string | null }) {
  const [created] = await rows<{ id: string }>(
    tx,
    `INSERT INTO "exposure_list" ("file_name", "sha256", "format", "size_bytes", "row_count", "accepted_count",
       "rejected_count", "duplicate_count", "uploaded_by_id")
     VALUES ($1, $2, '', 0, 0, 0, 0, 0, $3::uuid) RETURNING "id"`,
    [input.fileName.slice(0, 255), `pending-${randomUUID()}`, input.uploadedById],
  );
  return created!.id;
}

/** The list stored from a file with this sha256, if any. */
export async function findListBySha256(conn: Conn, sha256: string): Promise<string | null> {
  const [found] = await rows<{ id: string }>(conn, `SELECT "id" FROM "exposure_list" WHERE "sha256" = $1`, [sha256]);
  return found?.id ?? null;
}

export type FinishedList = {
  sha256: string;
  format: string;
  sizeBytes: number;
  rows: number;
  accepted: number;
  duplicates: number;
  source: string | null;
  tlp: string;
  campaignId: string | null;
  report: ListReport;
};

/**
 * Records what the upload found, and the file's sha256. A concurrent upload of the same file loses the race
 * on the sha256's unique index: a 409 like the one for a file stored before.
 */
export async function finishList(tx: Tx, id: string, list: FinishedList): Promise<void> {
  const { report } = list;
  try {
    await rows(
      tx,
      `UPDATE "exposure_list" SET "sha256" = $2, "format" = $3, "size_bytes" = $4, "row_count" = $5, "accepted_count" = $6,
         "rejected_count" = $7, "duplicate_count" = $8, "source" = $9, "tlp" = $10::"Tlp", "campaign_id" = $11::uuid, "matched_at" = now(),
         "report_type" = $12, "report_name" = $13, "severity" = $14, "classification_taxonomy" = $15,
         "classification_type" = $16, "classification_identifier" = $17
       WHERE "id" = $1::uuid`,
      [
        id,
        list.sha256,
        list.format,
        list.sizeBytes,
        list.rows,
        list.accepted,
        list.rows - list.accepted,
        list.duplicates,
        list.source,
        list.tlp,
        list.campaignId,
        report.reportType,
        report.reportName,
        report.severity,
        report.classification?.taxonomy ?? null,
        report.classification?.type ?? null,
        report.classification?.identifier ?? null,
      ],
    );
  } catch (err) {
    const pgErr = err as { code?: string; constraint?: string };
    if (pgErr.code === "23505" && pgErr.constraint === "exposure_list_sha256_key") {
      throw new AppError("conflict", "This file is being or was uploaded already");
    }
    throw err;
  }
}

/** What a list says it is, as a locked list's row gives it. */
export type LockedList = Pick<ListReport, "reportType" | "classification"> & { campaignId: string | null };

/**
 * Locks a list's row for a change of its exposures or campaign (attach, re-match, assign), so two such
 * changes of one list run one after the other. Null when there is no such list.
 */
export async function lockList(tx: Tx, id: string): Promise<LockedList | null> {
  const [list] = await rows<LockedList>(
    tx,
    `SELECT "campaign_id" AS "campaignId", "report_type" AS "reportType",
            CASE WHEN "classification_type" IS NULL THEN NULL
                 ELSE json_build_object('taxonomy', "classification_taxonomy", 'type', "classification_type",
                                        'identifier', "classification_identifier") END AS "classification"
       FROM "exposure_list" WHERE "id" = $1::uuid FOR UPDATE`,
    [id],
  );
  return list ?? null;
}

export async function setListCampaign(tx: Tx, listId: string, campaignId: string): Promise<void> {
  await rows(tx, `UPDATE "exposure_list" SET "campaign_id" = $2::uuid WHERE "id" = $1::uuid`, [listId, campaignId]);
}

export async function listExists(conn: Conn, id: string): Promise<boolean> {
  return (await rows(conn, `SELECT 1 FROM "exposure_list" WHERE "id" = $1::uuid`, [id])).length > 0;
}
