import type { ReportDraft, ReportLanguage, ReportPriority, ReportStatusValue } from "@baken/core";
import type { Db } from "../client.ts";
import type { Prisma } from "../generated/client.ts";
import { rows, type Conn, type Tx } from "../transaction.ts";

/** The report an earlier post of the same submission (same form, same content) stored, if any. */
export async function findSubmission(db: Db, submissionKey: string) {
  return db.prisma.incidentReport.findUnique({ where: { submissionKey }, select: { id: true, reference: true } });
}

/** Whether a report was already filed from this rendered form (its token's nonce). */
export async function formNonceUsed(db: Db, formNonce: string): Promise<boolean> {
  return (await db.prisma.incidentReport.count({ where: { formNonce } })) > 0;
}

/**
 * The next number of a reference counter (scope, year), from 1. The counter row is incremented in the
 * caller's transaction: concurrent callers queue on that row, and a rollback gives the number back, so
 * references have no gaps.
 */
export async function nextReferenceNumber(tx: Tx, scope: string, year: number): Promise<number> {
  const [counter] = await rows<{ value: number }>(
    tx,
    `INSERT INTO reference_counter (scope, year, value) VALUES ($1, $2, 1)
     ON CONFLICT (scope, year) DO UPDATE SET value = reference_counter.value + 1
     RETURNING value`,
    [scope, year],
  );
  return counter!.value;
}

/** The organization a notice with this reference went to, if any. */
export async function findNoticeOrganization(conn: Conn, reference: string): Promise<string | null> {
  const [notice] = await rows<{ organizationId: string }>(
    conn,
    `SELECT organization_id AS "organizationId" FROM notice WHERE reference = $1`,
    [reference],
  );
  return notice?.organizationId ?? null;
}

export type NewIncidentReport = ReportDraft & {
  reference: string;
  language: ReportLanguage;
  organizationId: string | null;
  clientIp: string | null;
  submissionKey: string;
  formNonce: string;
};

export type NewReportAttachment = { fileName: string; contentType: string; data: Buffer; sha256: string };

/**
 * Stores a report and its attachments. Unique on its submission key and its form's nonce: the second of two
 * posts of one form racing each other fails as a unique violation (isUniqueViolation).
 */
export async function insertIncidentReport(
  tx: Tx,
  r: NewIncidentReport,
  attachments: NewReportAttachment[],
): Promise<{ id: string; reference: string }> {
  const [report] = await rows<{ id: string; reference: string }>(
    tx,
    `INSERT INTO incident_report (reference, language, reporter_kind, reporter_name, reporter_email, reporter_phone,
       reporter_role, organization_name, organization_id, is_victim, rsit_class, rsit_type, started_at, detected_at,
       ongoing, description, affected_systems, impact, indicators, actions_taken, others_informed, expectations,
       notice_reference, tlp, client_ip, submission_key, form_nonce, updated_at)
     VALUES ($1, $2::"Language", $3, $4, $5, $6, $7, $8, $9::uuid, $10, $11, $12, $13, $14, $15, $16, $17, $18::text[],
       $19, $20, $21::text[], $22, $23, $24::"Tlp", $25, $26, $27, now())
     RETURNING id, reference`,
    [
      r.reference,
      r.language,
      r.reporterKind,
      r.reporterName,
      r.reporterEmail,
      r.reporterPhone,
      r.reporterRole,
      r.organizationName,
      r.organizationId,
      r.isVictim,
      r.rsitClass,
      r.rsitType,
      r.startedAt,
      r.detectedAt,
      r.ongoing,
      r.description,
      r.affectedSystems,
      r.impact,
      r.indicators,
      r.actionsTaken,
      r.othersInformed,
      r.expectations,
      r.noticeReference,
      r.tlp,
      r.clientIp,
      r.submissionKey,
      r.formNonce,
    ],
  );
  for (const a of attachments) {
    await rows(
      tx,
      `INSERT INTO report_attachment (report_id, file_name, content_type, size, sha256, data)
       VALUES ($1::uuid, $2, $3, $4, $5, $6)`,
      [report!.id, a.fileName, a.contentType, a.data.length, a.sha256, a.data],
    );
  }
  return report!;
}

/** Locks a report's row for a change (triage, its confirmation); false when there is no such report. */
export async function lockReport(tx: Tx, id: string): Promise<boolean> {
  return (await rows(tx, `SELECT id FROM incident_report WHERE id = $1::uuid FOR UPDATE`, [id])).length > 0;
}

/** What a report's confirmation mail says, and whether it was sent already. */
export async function findReportForConfirmation(tx: Tx, id: string) {
  const [report] = await rows<{
    reference: string;
    language: ReportLanguage;
    createdAt: Date;
    reporterKind: string;
    reporterEmail: string;
    rsitClass: string;
    rsitType: string | null;
    ongoing: boolean | null;
    startedAt: Date | null;
    detectedAt: Date | null;
    tlp: string;
    attachmentCount: number;
    confirmationSentAt: Date | null;
  }>(
    tx,
    `SELECT r.reference, r.language::text AS language, r.created_at AS "createdAt", r.reporter_kind AS "reporterKind",
            r.reporter_email AS "reporterEmail", r.rsit_class AS "rsitClass", r.rsit_type AS "rsitType", r.ongoing,
            r.started_at AS "startedAt", r.detected_at AS "detectedAt", r.tlp::text AS tlp,
            (SELECT count(*)::int FROM report_attachment a WHERE a.report_id = r.id) AS "attachmentCount",
            r.confirmation_sent_at AS "confirmationSentAt"
       FROM incident_report r WHERE r.id = $1::uuid`,
    [id],
  );
  return report ?? null;
}

/** The confirmation went out now (after its SMTP transaction, not when the transaction began). */
export async function markConfirmationSent(tx: Tx, id: string, messageId: string): Promise<void> {
  const at = new Date();
  await rows(
    tx,
    `UPDATE incident_report SET confirmation_sent_at = $2, confirmation_message_id = $3, updated_at = $2
      WHERE id = $1::uuid`,
    [id, at, messageId],
  );
}

/** Reports filed since `since` whose confirmation is not recorded as sent. */
export async function findUnconfirmedReports(db: Db, since: Date): Promise<string[]> {
  const pending = await db.prisma.incidentReport.findMany({
    where: { confirmationSentAt: null, createdAt: { gte: since } },
    select: { id: true },
  });
  return pending.map((r) => r.id);
}

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
};

/** Reports for triage, newest first, one page at a time, and how many match. */
export async function findReports(db: Db, query: ReportQuery) {
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
  const [total, reports] = await Promise.all([
    db.prisma.incidentReport.count({ where }),
    db.prisma.incidentReport.findMany({
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
  return { total, reports };
}

/** One report with its notes, its attachments (metadata only), its assignee and linked organization. */
export async function findReport(db: Db, id: string) {
  return db.prisma.incidentReport.findUnique({
    where: { id },
    include: {
      assignee: { select: { id: true, email: true, name: true } },
      organization: { select: { id: true, name: true } },
      _count: { select: { attachments: true } },
      attachments: {
        select: { id: true, fileName: true, contentType: true, size: true, sha256: true, createdAt: true },
        orderBy: { createdAt: "asc" },
      },
      notes: { include: { author: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
      replies: { include: { author: { select: { email: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** What triage changes of a report, as it is now. */
export type ReportTriage = {
  id: string;
  reference: string;
  status: ReportStatusValue;
  resolution: string | null;
  assigneeId: string | null;
  priority: ReportPriority;
  dueAt: Date | null;
};

export async function findReportTriage(tx: Tx, id: string): Promise<ReportTriage | null> {
  const [report] = await rows<ReportTriage>(
    tx,
    `SELECT id, reference, status::text AS status, resolution, assignee_id AS "assigneeId",
            priority::text AS priority, due_at AS "dueAt"
       FROM incident_report WHERE id = $1::uuid`,
    [id],
  );
  return report ?? null;
}

/** Changes the triage fields given (undefined: unchanged). */
export async function updateReportTriage(
  tx: Tx,
  id: string,
  change: Partial<Omit<ReportTriage, "id" | "reference">>,
): Promise<void> {
  const params: unknown[] = [id];
  const set: string[] = [];
  if (change.status !== undefined) set.push(`status = $${params.push(change.status)}::"ReportStatus"`);
  if (change.resolution !== undefined) set.push(`resolution = $${params.push(change.resolution)}`);
  if (change.assigneeId !== undefined) set.push(`assignee_id = $${params.push(change.assigneeId)}::uuid`);
  if (change.priority !== undefined) set.push(`priority = $${params.push(change.priority)}::"ReportPriority"`);
  if (change.dueAt !== undefined) set.push(`due_at = $${params.push(change.dueAt)}`);
  if (set.length === 0) return;
  await rows(tx, `UPDATE incident_report SET ${set.join(", ")}, updated_at = now() WHERE id = $1::uuid`, params);
}

/** A report's id and reference, or null when there is no such report. */
export async function findReportReference(conn: Conn, id: string): Promise<{ id: string; reference: string } | null> {
  const [report] = await rows<{ id: string; reference: string }>(
    conn,
    `SELECT id, reference FROM incident_report WHERE id = $1::uuid`,
    [id],
  );
  return report ?? null;
}

/** Adds a staff note to a report; the note with its author's e-mail. */
export async function insertReportNote(tx: Tx, input: { reportId: string; authorId: string | null; body: string }) {
  const [note] = await rows<{ id: number; body: string; author: string | null; createdAt: Date }>(
    tx,
    `WITH note AS (
       INSERT INTO report_note (report_id, author_id, body) VALUES ($1::uuid, $2::uuid, $3)
       RETURNING id, body, author_id, created_at
     )
     SELECT note.id, note.body, s.email AS author, note.created_at AS "createdAt"
       FROM note LEFT JOIN staff_user s ON s.id = note.author_id`,
    [input.reportId, input.authorId, input.body],
  );
  return note!;
}

/** One attachment of a report, with its bytes; null when the report has no such attachment. */
export async function findReportAttachment(db: Db, reportId: string, attachmentId: string) {
  return db.prisma.reportAttachment.findFirst({
    where: { id: attachmentId, reportId },
    select: { id: true, fileName: true, size: true, sha256: true, data: true },
  });
}
