import { campaignInputSchema, campaignPatchSchema, RSIT_CLASSES, RSIT_TYPES, rsitTaxonomy } from "@baken/core";
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { campaignBody, campaignDetailBody, campaignListBody, campaignParams } from "./schemas.ts";

/** Campaigns themselves: analysts create, change and delete them; viewers read. */
export default async function campaignRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["campaigns"];

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "Campaigns, newest first",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: campaignListBody },
      },
    },
    async (request) => listCampaigns(app.ctx, request.query),
  );

  app.post(
    "/",
    {
      config: { role: "analyst" },
      schema: { tags, summary: "Create a campaign", body: campaignInputSchema, response: { 201: campaignBody } },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(app.ctx, actorOf(request), request.body)),
  );

  app.get(
    "/rsit",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "The RSIT taxonomy a campaign is classified by (as the report form has it), with English names",
        response: {
          200: z.object({
            classes: z.array(
              z.object({
                value: z.enum(RSIT_CLASSES),
                name: z.string(),
                description: z.string(),
                types: z.array(z.object({ value: z.enum(RSIT_TYPES), name: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ classes: rsitTaxonomy("en") }),
  );

  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "A campaign with its lists, host states and notice statuses",
        params: campaignParams,
        response: { 200: campaignDetailBody },
      },
    },
    async (request) => getCampaign(app.ctx, request.params),
  );

  app.patch(
    "/:id",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Change a campaign (any subset of fields)",
        params: campaignParams,
        body: campaignPatchSchema,
        response: { 200: campaignBody },
      },
    },
    async (request) => updateCampaign(app.ctx, actorOf(request), { id: request.params.id, patch: request.body }),
  );

  app.delete(
    "/:id",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Delete a campaign that has sent no notice",
        params: campaignParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCampaign(app.ctx, actorOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
}
