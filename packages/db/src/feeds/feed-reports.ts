import { rows, type Conn, type Tx } from "../transaction.ts";

/** What a source already brought in, of these report ids. */
export async function findFeedReports(
  conn: Conn,
  feedSourceId: string,
  reportIds: string[],
): Promise<Map<string, { outcome: "ingested" | "duplicate"; listId: string | null }>> {
  const found = await rows<{ reportId: string; outcome: "ingested" | "duplicate"; listId: string | null }>(
    conn,
    `SELECT "report_id" AS "reportId", "outcome", "list_id" AS "listId" FROM "feed_report"
      WHERE "feed_source_id" = $1::uuid AND "report_id" = ANY($2::text[])`,
    [feedSourceId, reportIds],
  );
  return new Map(found.map(({ reportId, ...rest }) => [reportId, rest]));
}

export type NewFeedReport = {
  feedSourceId: string;
  reportId: string;
  reportType: string | null;
  fileName: string;
  listId: string;
};

/**
 * A report brought in as a list, in the ingest's transaction: a report id seen before (another pull got it
 * first) is a unique violation that rolls the whole list back.
 */
export async function insertIngestedFeedReport(tx: Tx, report: NewFeedReport): Promise<void> {
  await rows(
    tx,
    `INSERT INTO "feed_report" ("feed_source_id", "report_id", "report_type", "file_name", "outcome", "list_id")
     VALUES ($1::uuid, $2, $3, $4, 'ingested', $5::uuid)`,
    [report.feedSourceId, report.reportId, report.reportType, report.fileName, report.listId],
  );
}

/** A report whose file was in Baken already: remembered, so it is not fetched again. */
export async function insertDuplicateFeedReport(conn: Conn, report: NewFeedReport): Promise<void> {
  await rows(
    conn,
    `INSERT INTO "feed_report" ("feed_source_id", "report_id", "report_type", "file_name", "outcome", "list_id")
     VALUES ($1::uuid, $2, $3, $4, 'duplicate', $5::uuid) ON CONFLICT DO NOTHING`,
    [report.feedSourceId, report.reportId, report.reportType, report.fileName, report.listId],
  );
}
