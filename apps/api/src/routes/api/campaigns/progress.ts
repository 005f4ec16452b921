import { getCampaignProgress, listOrganizationProgress, listSectorProgress } from "@baken/services";
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

const groupFigures = {
  hosts: z.number().int(),
  notified: z.number().int(),
  answered: z.number().int(),
  stillOpen: z.number().int(),
  gone: z.number().int(),
  claimedFixedStillSeen: z.number().int(),
  remediated: z.number().int().describe("gone, or claimed fixed and not seen since"),
  flagged: z.number().int(),
  lastAnswerAt: z.string().nullable(),
  medianHoursToAnswer: z.number().nullable(),
  medianHoursToGone: z.number().nullable(),
};

/** How a campaign's remediation goes: per day and overall, per organization and per sector. */
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

  app.get(
    "/:id/progress/organizations",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["remediation"],
        summary: "Per organization, where its hosts stand (most still open first), one page at a time",
        params: campaignParams,
        querystring: z.object({
          sector: z.string().max(200).optional().describe('only this sector ("": organizations without one)'),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                sector: z.string().nullable(),
                latestAnswer: z.string().nullable(),
                ...groupFigures,
              }),
            ),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => listOrganizationProgress(app.ctx, { campaignId: request.params.id, ...request.query }),
  );

  app.get(
    "/:id/progress/sectors",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["remediation"],
        summary: "Per sector of the registry, where the campaign's hosts stand",
        params: campaignParams,
        response: {
          200: z.object({
            sectors: z.array(
              z.object({
                sector: z.string().nullable().describe("null: organizations without a sector"),
                organizations: z.number().int(),
                ...groupFigures,
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ sectors: await listSectorProgress(app.ctx, { campaignId: request.params.id }) }),
  );
}
