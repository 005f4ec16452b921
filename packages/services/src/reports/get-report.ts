import { notFound, type ReportLanguage } from "@baken/core";
import { findReport } from "@baken/db";
import type { Ctx } from "../context.ts";
import { reportSummary } from "./report-view.ts";

/** One report with everything triage needs: its notes, its attachments (metadata only) and names. */
export async function getReport(ctx: Pick<Ctx, "db">, input: { id: string; lang: ReportLanguage }) {
  const r = await findReport(ctx.db, input.id);
  if (!r) throw notFound(`Incident report ${input.id}`);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...reportSummary(input.lang, r),
    updatedAt: r.updatedAt.toISOString(),
    reporterPhone: r.reporterPhone,
    reporterRole: r.reporterRole,
    isVictim: r.isVictim,
    linkedOrganization: r.organization,
    startedAt: iso(r.startedAt),
    detectedAt: iso(r.detectedAt),
    description: r.description,
    affectedSystems: r.affectedSystems,
    impact: r.impact,
    indicators: r.indicators,
    actionsTaken: r.actionsTaken,
    othersInformed: r.othersInformed,
    expectations: r.expectations,
    noticeReference: r.noticeReference,
    resolution: r.resolution,
    clientIp: r.clientIp,
    confirmationSentAt: iso(r.confirmationSentAt),
    attachments: r.attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    notes: r.notes.map((n) => ({
      id: n.id,
      body: n.body,
      author: n.author?.email ?? null,
      createdAt: n.createdAt.toISOString(),
    })),
    replies: r.replies.map((x) => ({
      id: x.id,
      body: x.body,
      language: x.language,
      to: x.toEmail,
      author: x.author ? { email: x.author.email, name: x.author.name } : null,
      createdAt: x.createdAt.toISOString(),
      sentAt: iso(x.sentAt),
      error: x.lastError,
    })),
  };
}

export type ReportDetail = Awaited<ReturnType<typeof getReport>>;
