import { noteWaitingNotice } from "@baken/db";
import type { Ctx } from "../context.ts";

/** BullMQ's reason for a job whose worker stopped more often than it allows (maxStalledCount). */
export const STALLED_REASON = "job stalled more than allowable limit";

/** What the console shows for a notice whose job failed without our handler (a stall, or another reason). */
export const stalledText = (reason: string) =>
  reason === STALLED_REASON
    ? "The worker stopped twice while sending this notice (BullMQ: job stalled more than allowable limit)"
    : `The delivery job failed outside the handler: ${reason}`;

/**
 * A deliver-notice job BullMQ failed on its own (stalled twice): the handler never ran, so the notice would
 * stay `sending` with nothing said. Its error is recorded; the repair sweep (or staff) queues it again.
 */
export async function recordStalledNotice(
  ctx: Pick<Ctx, "db">,
  input: { noticeId: string; reason: string },
): Promise<void> {
  await noteWaitingNotice(
    ctx.db,
    input.noticeId,
    `${stalledText(input.reason)}; it is queued again by the repair sweep or by staff`,
  );
}
