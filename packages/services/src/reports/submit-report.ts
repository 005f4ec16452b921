import { formatReportReference, REPORT_REFERENCE_SCOPE, type ReportDraft, type ReportLanguage } from "@baken/core";
import { Prisma } from "@baken/db";
import { createHash } from "node:crypto";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";

export type NewAttachment = { fileName: string; contentType: string; data: Buffer; sha256: string };

export type SubmitReportInput = {
  draft: ReportDraft;
  language: ReportLanguage;
  attachments: NewAttachment[];
  /** The nonce of the form's signed token (one per rendered form). */
  formNonce: string;
};

export type SubmittedReport =
  | { id: string; reference: string; duplicate: boolean; confirmationQueued: boolean; formUsed?: never }
  /** The form's token made another report already: nothing stored (the form says it expired). */
  | { formUsed: true };

/** The year in the CERT's time zone: a report sent at 00:30 on 1 January belongs to the new year. */
const yearIn = (timeZone: string, at: Date) =>
  Number(new Intl.DateTimeFormat("en", { timeZone, year: "numeric" }).format(at));

/**
 * What makes two posts "the same submission": the same rendered form (its nonce) with the same content.
 * A double click or a resend after a timeout finds the first report; a form reused from the browser's
 * history for a different incident is a new report.
 */
function submissionKey(input: SubmitReportInput): string {
  const content = JSON.stringify([input.language, input.draft, input.attachments.map((a) => [a.fileName, a.sha256])]);
  return createHash("sha256").update(input.formNonce).update("\n").update(content).digest("hex");
}

/**
 * Stores a public incident report with its attachments and gives it the next reference of the year
 * (CERT-2026-000123). The counter row is incremented in the report's own transaction: concurrent reports
 * queue on that row, and a failed insert rolls the number back, so references have no gaps.
 * The confirmation mail is queued after commit.
 *
 * A form's token makes one report: posted again with the same content it finds that report (a double
 * click); with other content it is refused (`formUsed`), so one rendered form cannot file report after
 * report past the minimum fill time (the per-address limit still counts every post).
 */
export async function submitReport(
  ctx: Pick<Ctx, "db" | "producer" | "config">,
  actor: Actor,
  input: SubmitReportInput,
): Promise<SubmittedReport> {
  const { prisma } = ctx.db;
  const key = submissionKey(input);
  const earlier = () =>
    prisma.incidentReport.findUnique({
      where: { submissionKey: key },
      select: { id: true, reference: true },
    });

  let stored = await earlier();
  const duplicate = stored !== null;
  if (!stored && (await prisma.incidentReport.count({ where: { formNonce: input.formNonce } })) > 0) {
    return { formUsed: true };
  }
  if (!stored) {
    try {
      stored = await prisma.$transaction(async (tx) => {
        const year = yearIn(ctx.config.cert.timeZone, new Date());
        const [counter] = await tx.$queryRaw<{ value: number }[]>`
          INSERT INTO reference_counter (scope, year, value) VALUES (${REPORT_REFERENCE_SCOPE}, ${year}, 1)
          ON CONFLICT (scope, year) DO UPDATE SET value = reference_counter.value + 1
          RETURNING value`;
        const reference = formatReportReference(year, counter!.value);
        const { draft } = input;
        // A Baken notice's reference links the report to the notified organization, as a hint for triage.
        const notice = draft.noticeReference
          ? await tx.notice.findUnique({
              where: { reference: draft.noticeReference },
              select: { organizationId: true },
            })
          : null;
        const report = await tx.incidentReport.create({
          data: {
            reference,
            language: input.language,
            reporterKind: draft.reporterKind,
            reporterName: draft.reporterName,
            reporterEmail: draft.reporterEmail,
            reporterPhone: draft.reporterPhone,
            reporterRole: draft.reporterRole,
            organizationName: draft.organizationName,
            organizationId: notice?.organizationId ?? null,
            isVictim: draft.isVictim,
            rsitClass: draft.rsitClass,
            rsitType: draft.rsitType,
            startedAt: draft.startedAt,
            detectedAt: draft.detectedAt,
            ongoing: draft.ongoing,
            description: draft.description,
            affectedSystems: draft.affectedSystems,
            impact: draft.impact,
            indicators: draft.indicators,
            actionsTaken: draft.actionsTaken,
            othersInformed: draft.othersInformed,
            expectations: draft.expectations,
            noticeReference: draft.noticeReference,
            tlp: draft.tlp,
            clientIp: actor.ip ?? null,
            submissionKey: key,
            formNonce: input.formNonce,
          },
          select: { id: true, reference: true },
        });
        if (input.attachments.length > 0) {
          await tx.reportAttachment.createMany({
            data: input.attachments.map((a) => ({
              reportId: report.id,
              fileName: a.fileName,
              contentType: a.contentType,
              size: a.data.length,
              sha256: a.sha256,
              data: new Uint8Array(a.data),
            })),
          });
        }
        await recordAudit(tx, actor, {
          action: "report.submit",
          subjectType: "incident_report",
          subjectId: report.id,
          details: { reference, rsitClass: draft.rsitClass, attachments: input.attachments.length },
        });
        return report;
      });
    } catch (err) {
      // The same form posted twice at once: the other request stored it first, with this content (the
      // same report) or with other content (the form is used).
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
      const raced = await earlier();
      if (!raced) return { formUsed: true };
      stored = raced;
    }
  }

  // Queued on every post, the repeat too: the job id and confirmation_sent_at keep it to one mail, and a
  // repeat heals a first post whose enqueue failed.
  let confirmationQueued = true;
  try {
    await ctx.producer.enqueue("confirm-report", { reportId: stored.id });
  } catch {
    confirmationQueued = false;
  }
  return { id: stored.id, reference: stored.reference, duplicate, confirmationQueued };
}
