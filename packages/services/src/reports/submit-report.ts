import { formatReportReference, REPORT_REFERENCE_SCOPE, type ReportDraft, type ReportLanguage } from "@baken/core";
import {
  findNoticeOrganization,
  findSubmission,
  formNonceUsed,
  insertIncidentReport,
  isUniqueViolation,
  nextReferenceNumber,
  recordAudit,
  withTransaction,
  type NewReportAttachment,
} from "@baken/db";
import { createHash } from "node:crypto";
import type { Actor, Ctx } from "../context.ts";

export type NewAttachment = NewReportAttachment;

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
  const key = submissionKey(input);
  const earlier = () => findSubmission(ctx.db, key);

  let stored = await earlier();
  const duplicate = stored !== null;
  if (!stored && (await formNonceUsed(ctx.db, input.formNonce))) return { formUsed: true };
  if (!stored) {
    try {
      stored = await withTransaction(ctx.db, async (tx) => {
        const year = yearIn(ctx.config.cert.timeZone, new Date());
        const reference = formatReportReference(year, await nextReferenceNumber(tx, REPORT_REFERENCE_SCOPE, year));
        const { draft } = input;
        // A Baken notice's reference links the report to the notified organization, as a hint for triage.
        const organizationId = draft.noticeReference ? await findNoticeOrganization(tx, draft.noticeReference) : null;
        const report = await insertIncidentReport(
          tx,
          {
            ...draft,
            reference,
            language: input.language,
            organizationId,
            clientIp: actor.ip ?? null,
            submissionKey: key,
            formNonce: input.formNonce,
          },
          input.attachments,
        );
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
      if (!isUniqueViolation(err)) throw err;
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
