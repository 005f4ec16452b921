import { AppError, reportType, type Actor } from "@baken/core";
import {
  insertDuplicateFeedReport,
  insertIngestedFeedReport,
  isUniqueViolation,
  type FeedSourceRow,
  type ReportOutcome,
} from "@baken/db";
import type { Ctx } from "../context.ts";
import { ingestList } from "../lists/ingest-list.ts";
import type { ReadFields } from "../lists/list-meta.ts";
import type { IngestResult } from "../lists/ingest-list.ts";

export type FeedReportInput = {
  /** The publisher's id of the report (Shadowserver's `id`), when it gives one: never ingested twice. */
  reportId: string | null;
  /** The report type the publisher names (Shadowserver's `type`), if any. */
  type: string | null;
  fileName: string;
  file: AsyncIterable<Buffer | Uint8Array>;
  /** How to read the file besides the type (a pushed form's column roles). */
  read?: ReadFields;
};

/** Why a report could not be ingested may pass (its download broke): the pull is then tried again. */
export const isTransient = (err: unknown) => !(err instanceof AppError) || err.code === "unavailable";

/** What became of a report; a report refused for its content keeps the refusal (a push answers it as is). */
export type FeedReportResult = {
  outcome: ReportOutcome;
  /** The list made of it, and the campaign its rule gave it (null: unassigned). */
  list?: IngestResult & { campaignId: string | null };
  refusal?: AppError;
};

/**
 * One report of a feed, ingested as a list through the same path as an upload (same reading, validation,
 * matching, sha256 never-twice), in one transaction with the record of its report id. The list's campaign
 * comes from the source's rules by the report's type (a type without a rule lands unassigned, for review), its
 * TLP from the source. Answers what became of it; throws only what a retry may cure (isTransient).
 */
export async function ingestFeedReport(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  source: FeedSourceRow,
  report: FeedReportInput,
): Promise<FeedReportResult> {
  const base = { id: report.reportId, type: report.type, file: report.fileName };
  // The type the publisher names reads the file, when Baken's table knows it; else the file tells.
  const known = report.type && reportType(report.type) ? report.type : undefined;
  const rules = new Map(source.rules.map((r) => [r.reportType, r.campaignId]));
  const reportId = report.reportId;
  let campaignId: string | null = null;
  try {
    const list = await ingestList(ctx, actor, {
      file: report.file,
      fileName: report.fileName,
      read: { ...report.read, ...(known ? { reportType: known } : {}) },
      meta: (read) => {
        campaignId = rules.get(read.reportType ?? report.type ?? "") ?? null;
        return {
          source: `feed ${source.name}${reportId ? ` (report ${reportId})` : ""}`,
          tlp: source.tlp,
          campaignId: campaignId ?? undefined,
        };
      },
      onStored: reportId
        ? (tx, stored) =>
            insertIngestedFeedReport(tx, {
              feedSourceId: source.id,
              reportId,
              reportType: report.type,
              fileName: report.fileName,
              listId: stored.id,
            })
        : undefined,
    });
    return {
      outcome: { ...base, outcome: "ingested", listId: list.id, rows: list.accepted },
      list: { ...list, campaignId },
    };
  } catch (err) {
    const listId = err instanceof AppError && err.code === "conflict" && (err.details as { id?: string })?.id;
    if (listId) {
      // The same file (sha256) is a list already: remembered by its report id, so it is not fetched again.
      if (reportId) {
        await insertDuplicateFeedReport(ctx.db, {
          feedSourceId: source.id,
          reportId,
          reportType: report.type,
          fileName: report.fileName,
          listId,
        });
      }
      const reason = `the same file is list ${listId} already`;
      return { outcome: { ...base, outcome: "skipped", reason, listId }, refusal: err as AppError };
    }
    if (isUniqueViolation(err)) {
      const reason = "brought in by another pull meanwhile";
      return { outcome: { ...base, outcome: "skipped", reason }, refusal: new AppError("conflict", reason) };
    }
    if (isTransient(err)) throw err;
    return { outcome: { ...base, outcome: "failed", reason: (err as AppError).message }, refusal: err as AppError };
  }
}
