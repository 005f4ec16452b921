import type { ReportLanguage, ReportStatusValue } from "@baken/core";
import type { Prisma } from "@baken/db";
import type { Ctx } from "../context.ts";
import { reportSummary } from "./report-view.ts";

export type ReportQuery = {
  status?: ReportStatusValue;
  rsitClass?: string;
  rsitType?: string;
  assigneeId?: string;
  /** created at or after */
  from?: Date;
  /** created before */
  to?: Date;
  /** words found in the reference, description, organization, reporter name or e-mail */
  q?: string;
  page: number;
  pageSize: number;
  lang: ReportLanguage;
};

/** Incident reports for triage, newest first, one page at a time. */
export async function listReports(ctx: Pick<Ctx, "db">, query: ReportQuery) {
  const words = (query.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 10);
  const where: Prisma.IncidentReportWhereInput = {
    status: query.status,
    rsitClass: query.rsitClass,
    rsitType: query.rsitType,
    assigneeId: query.assigneeId,
    createdAt: query.from || query.to ? { gte: query.from, lt: query.to } : undefined,
    // Every word must appear in one of the fields.
    AND: words.map((word) => ({
      OR: (["reference", "description", "organizationName", "reporterName", "reporterEmail"] as const).map((field) => ({
        [field]: { contains: word, mode: "insensitive" as const },
      })),
    })),
  };
  const [total, rows] = await Promise.all([
    ctx.db.prisma.incidentReport.count({ where }),
    ctx.db.prisma.incidentReport.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { reference: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        assignee: { select: { id: true, email: true, name: true } },
        _count: { select: { attachments: true } },
      },
    }),
  ]);
  return { items: rows.map((r) => reportSummary(query.lang, r)), total, page: query.page, pageSize: query.pageSize };
}
