import { reportVocabulary, type ReportLanguage, type ReporterKind, type RsitClass } from "@baken/core";
import type { IncidentReport } from "@baken/db";

// How staff see a report: machine values next to their names in the language asked for.

export const rsitView = (lang: ReportLanguage, rsitClass: string, rsitType: string | null) => {
  const v = reportVocabulary(lang);
  return {
    class: rsitClass,
    type: rsitType,
    className: v.rsitClasses[rsitClass as RsitClass]?.name ?? rsitClass,
    typeName: rsitType ? ((v.rsitTypes as Record<string, string>)[rsitType] ?? rsitType) : null,
  };
};

export const reporterKindName = (lang: ReportLanguage, kind: string) =>
  reportVocabulary(lang).reporterKinds[kind as ReporterKind] ?? kind;

type Assignee = { id: string; email: string; name: string } | null;

export function reportSummary(
  lang: ReportLanguage,
  r: Pick<
    IncidentReport,
    | "id"
    | "reference"
    | "status"
    | "language"
    | "createdAt"
    | "reporterKind"
    | "reporterName"
    | "reporterEmail"
    | "organizationName"
    | "rsitClass"
    | "rsitType"
    | "tlp"
    | "ongoing"
    | "priority"
    | "dueAt"
  > & { assignee: Assignee; _count: { attachments: number } },
) {
  return {
    id: r.id,
    reference: r.reference,
    status: r.status,
    language: r.language,
    createdAt: r.createdAt.toISOString(),
    reporterKind: r.reporterKind,
    reporterKindName: reporterKindName(lang, r.reporterKind),
    reporterName: r.reporterName,
    reporterEmail: r.reporterEmail,
    organizationName: r.organizationName,
    rsit: rsitView(lang, r.rsitClass, r.rsitType),
    tlp: r.tlp,
    ongoing: r.ongoing,
    assignee: r.assignee,
    priority: r.priority,
    dueAt: r.dueAt?.toISOString() ?? null,
    attachmentCount: r._count.attachments,
  };
}

export type ReportSummary = ReturnType<typeof reportSummary>;
