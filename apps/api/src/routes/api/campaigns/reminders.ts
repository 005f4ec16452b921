import { remindCampaign, setReminderSchedule } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { campaignParams } from "./schemas.ts";

/** Reminder rounds of a campaign: one now, or on a schedule. */
export default async function reminderRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/:id/remind",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["remediation"],
        summary: "Queue a reminder to each organization with hosts still seen and no notice for minAgeDays",
        params: campaignParams,
        body: z.object({ minAgeDays: z.number().int().min(1).max(365).optional() }).default({}),
        response: {
          200: z.object({
            reminders: z.number().int(),
            hosts: z.number().int(),
            skipped: z.object({ tooRecent: z.number().int(), noLink: z.number().int(), inactive: z.number().int() }),
            noticeIds: z.array(z.string()),
          }),
        },
      },
    },
    async (request) =>
      remindCampaign(app.ctx, actorOf(request), {
        campaignId: request.params.id,
        minAgeDays: request.body?.minAgeDays,
      }),
  );

  app.put(
    "/:id/reminder-schedule",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["remediation"],
        summary: "Send reminder rounds automatically every N days (null: stop)",
        params: campaignParams,
        body: z.object({ everyDays: z.number().int().min(1).max(365).nullable() }),
        response: { 200: z.object({ everyDays: z.number().int().nullable() }) },
      },
    },
    async (request) =>
      setReminderSchedule(app.ctx, actorOf(request), {
        campaignId: request.params.id,
        everyDays: request.body.everyDays,
      }),
  );
}
