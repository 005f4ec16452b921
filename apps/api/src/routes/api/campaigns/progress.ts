import { getCampaignProgress } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { campaignParams } from "./schemas.ts";

const progressDay = z.object({
  day: z.string(),
  notified: z.number().int(),
  answered: z.number().int(),
  claimedFixed: z.number().int(),
  gone: z.number().int(),
  stillOpen: z.number().int(),
});

/** How a campaign's remediation goes: per day and overall. */
export default async function progressRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/:id/progress",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["remediation"],
        summary: "Per-day progress (cumulative), remediation rate and median times of a campaign",
        params: campaignParams,
        response: {
          200: z.object({
            campaignId: z.string(),
            days: z.array(progressDay),
            totals: z.object({
              hosts: z.number().int(),
              notified: z.number().int(),
              answered: z.number().int(),
              claimedFixed: z.number().int(),
              claimedFixedStillSeen: z.number().int(),
              gone: z.number().int(),
              notOurs: z.number().int(),
              stillOpen: z.number().int(),
              remediated: z.number().int(),
              flagged: z.number().int(),
            }),
            remediationRate: z.number().nullable(),
            goneRate: z.number().nullable(),
            medianHoursToAnswer: z.number().nullable(),
            medianHoursToGone: z.number().nullable(),
          }),
        },
      },
    },
    async (request) => getCampaignProgress(app.ctx, { campaignId: request.params.id }),
  );
}
