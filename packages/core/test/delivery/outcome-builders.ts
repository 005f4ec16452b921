import type { DeliveryOutcome, OutcomeKind } from "../../src/index.ts";

const HOUR = 60 * 60 * 1000;
const start = Date.parse("2026-11-01T08:00:00Z");

/** An outcome `hours` after a fixed start, of notice `n<notice>`. */
export function outcome(
  hours: number,
  kind: OutcomeKind,
  status: string | null = null,
  notice = 1,
  stage: DeliveryOutcome["stage"] = kind === "refused" ? "rcpt" : kind === "accepted" ? "data" : "report",
): DeliveryOutcome {
  return { noticeId: `n${notice}`, at: new Date(start + hours * HOUR), kind, stage, status, diagnostic: null };
}
