import type { ReportLanguage } from "@baken/core";
import { findReports, type ReportQuery as ReportFilter } from "@baken/db";
import type { Ctx } from "../context.ts";
import { reportSummary } from "./report-view.ts";

export type ReportQuery = ReportFilter & { lang: ReportLanguage };

/** Incident reports for triage, newest first, one page at a time. */
export async function listReports(ctx: Pick<Ctx, "db">, query: ReportQuery) {
  const { total, reports } = await findReports(ctx.db, query);
  return { items: reports.map((r) => reportSummary(query.lang, r)), total, page: query.page, pageSize: query.pageSize };
}
