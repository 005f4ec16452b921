import { AppError } from "../errors.ts";

export const REPORT_STATUSES = ["new", "triaged", "in_progress", "closed"] as const;
export type ReportStatusValue = (typeof REPORT_STATUSES)[number];

/**
 * The triage workflow: new -> triaged -> in_progress -> closed. Spam or a duplicate may be closed
 * straight from new or triaged; a closed report may be reopened (back to in_progress).
 */
export const NEXT_STATUSES: Record<ReportStatusValue, readonly ReportStatusValue[]> = {
  new: ["triaged", "closed"],
  triaged: ["in_progress", "closed"],
  in_progress: ["closed"],
  closed: ["in_progress"],
};

/** Throws unless `from -> to` is allowed; closing needs a resolution. */
export function checkStatusChange(from: ReportStatusValue, to: ReportStatusValue, resolution?: string | null): void {
  if (!NEXT_STATUSES[from].includes(to)) {
    throw new AppError(
      "conflict",
      `A report cannot go from ${from} to ${to}; from ${from} it can go to: ${NEXT_STATUSES[from].join(", ")}`,
    );
  }
  if (to === "closed" && !resolution?.trim()) {
    throw new AppError("validation", "Closing a report needs a resolution", [
      { field: "resolution", message: "say how the report was resolved" },
    ]);
  }
}

/** How soon a report needs handling, as triage sets it. */
export const REPORT_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type ReportPriority = (typeof REPORT_PRIORITIES)[number];
