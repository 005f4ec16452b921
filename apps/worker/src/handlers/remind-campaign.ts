import { AppError } from "@baken/core";
import { remindCampaign, syncReminderSchedule } from "@baken/services";
import type { Handler } from "./handler.ts";

/**
 * A scheduled reminder round (campaign.reminder_every_days). Runs as the system (no staff actor). A
 * campaign deleted since its schedule was set loses the schedule instead of failing every N days.
 */
export const remindCampaignHandler: Handler<"remind-campaign"> = async (ctx, data) => {
  try {
    return await remindCampaign(ctx, { id: null }, { campaignId: data.campaignId });
  } catch (err) {
    if (!(err instanceof AppError && err.code === "not_found")) throw err;
    await syncReminderSchedule(ctx, data.campaignId);
    return { scheduleRemoved: true };
  }
};
