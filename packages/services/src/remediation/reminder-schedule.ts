import { AppError } from "@baken/core";
import { jobQueue, jobSchemas } from "@baken/queue";
import { findReminderInterval, recordAudit, setReminderInterval, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

const DAY_MS = 24 * 3600 * 1000;

/** One scheduler per campaign, with a stable id, so setting it again replaces it instead of adding one. */
export const reminderSchedulerId = (campaignId: string) => `remind-campaign-${campaignId}`;

/**
 * Makes the queue's job scheduler match campaign.reminder_every_days: a repeating `remind-campaign` job
 * every N days, or none. Call it after anything that changes that column (or deletes the campaign).
 */
export async function syncReminderSchedule(ctx: Pick<Ctx, "db" | "producer">, campaignId: string) {
  const everyDays = await findReminderInterval(ctx.db, campaignId);
  const queue = ctx.producer.queue(jobQueue["remind-campaign"]);
  const id = reminderSchedulerId(campaignId);
  if (!everyDays) {
    await queue.removeJobScheduler(id);
    return { everyDays: null };
  }
  await queue.upsertJobScheduler(
    id,
    { every: everyDays * DAY_MS },
    { name: "remind-campaign", data: jobSchemas["remind-campaign"].parse({ campaignId }) },
  );
  return { everyDays };
}

/** Staff turn a campaign's automatic reminder rounds on (every N days) or off (null). */
export async function setReminderSchedule(
  ctx: Pick<Ctx, "db" | "producer">,
  actor: Actor,
  input: { campaignId: string; everyDays: number | null },
) {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await setReminderInterval(tx, input.campaignId, input.everyDays)))
      throw new AppError("not_found", `Campaign ${input.campaignId} not found`);
    await recordAudit(tx, actor, {
      action: "campaign.reminder_schedule",
      subjectType: "campaign",
      subjectId: input.campaignId,
      details: { everyDays: input.everyDays },
    });
  });
  return syncReminderSchedule(ctx, input.campaignId);
}
