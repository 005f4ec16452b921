import { AppError, checkStatusChange, notFound, type ReportPriority, type ReportStatusValue } from "@baken/core";
import {
  findReportTriage,
  findStaffUser,
  lockReport,
  recordAudit,
  updateReportTriage,
  withTransaction,
  type ReportTriage,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

export type ReportChange = {
  id: string;
  status?: ReportStatusValue;
  /** required when closing; kept in the audit trail when a report is reopened */
  resolution?: string;
  /** a staff user (analyst or admin) to assign, or null to unassign */
  assigneeId?: string | null;
  priority?: ReportPriority;
  /** when it should be handled by; null clears it */
  dueAt?: Date | null;
};

/**
 * Moves a report through triage, (un)assigns it to a colleague, sets its priority and due date. The row is locked for the change, so two analysts
 * acting at once are applied one after the other, each checked against the state the other left.
 */
export async function updateReport(ctx: Pick<Ctx, "db">, actor: Actor, change: ReportChange): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await lockReport(tx, change.id))) throw notFound(`Incident report ${change.id}`);
    const report = (await findReportTriage(tx, change.id))!;
    const data: Partial<Omit<ReportTriage, "id" | "reference">> = {};
    const audit = (action: string, details: Record<string, unknown>) =>
      recordAudit(tx, actor, { action, subjectType: "incident_report", subjectId: report.id, details });

    const resolution = change.resolution?.trim();
    const closing = change.status === "closed" || (change.status === undefined && report.status === "closed");
    if (resolution !== undefined && !closing) {
      throw new AppError("validation", "A resolution is given when closing a report", [
        { field: "resolution", message: "only with status closed" },
      ]);
    }
    if (change.status !== undefined && change.status !== report.status) {
      checkStatusChange(report.status, change.status, resolution);
      data.status = change.status;
      data.resolution = change.status === "closed" ? resolution! : null;
      await audit("report.status", {
        reference: report.reference,
        from: report.status,
        to: change.status,
        ...(change.status === "closed" ? { resolution: resolution! } : {}),
        ...(report.status === "closed" ? { previousResolution: report.resolution } : {}),
      });
    } else if (resolution && resolution !== report.resolution) {
      data.resolution = resolution;
      await audit("report.resolution", { reference: report.reference, from: report.resolution, to: resolution });
    }

    if (change.assigneeId !== undefined && change.assigneeId !== report.assigneeId) {
      let email: string | null = null;
      if (change.assigneeId !== null) {
        const staff = await findStaffUser(tx, change.assigneeId);
        if (!staff || !staff.active || staff.role === "viewer") {
          throw new AppError("validation", "Assign the report to an active analyst or admin", [
            { field: "assigneeId", message: "no active analyst or admin with this id" },
          ]);
        }
        email = staff.email;
      }
      data.assigneeId = change.assigneeId;
      await audit("report.assign", {
        reference: report.reference,
        from: report.assigneeId,
        to: change.assigneeId,
        email,
      });
    }

    if (change.priority !== undefined && change.priority !== report.priority) {
      data.priority = change.priority;
      await audit("report.priority", { reference: report.reference, from: report.priority, to: change.priority });
    }
    if (change.dueAt !== undefined && change.dueAt?.getTime() !== report.dueAt?.getTime()) {
      data.dueAt = change.dueAt;
      await audit("report.due", {
        reference: report.reference,
        from: report.dueAt?.toISOString() ?? null,
        to: change.dueAt?.toISOString() ?? null,
      });
    }

    if (Object.keys(data).length > 0) await updateReportTriage(tx, report.id, data);
  });
}
