import { campaignInputSchema, campaignPatchSchema } from "@baken/core";
import {
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaignNotices,
  listCampaigns,
  previewCampaign,
  requeueStuckNotices,
  sendCampaign,
  updateCampaign,
} from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import {
  campaignBody,
  campaignDetailBody,
  campaignListBody,
  campaignParams,
  noticesBody,
  noticesQuery,
  previewBody,
  previewRequest,
  requeueStuckBody,
  sendBody,
} from "./schemas.ts";

/** Campaigns: analysts change them, preview and send their notices; viewers read. */
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

  app.post(
    "/:id/preview",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "Render the notices a send would create now, without storing or sending",
        params: campaignParams,
        // No body at all means: all organizations, default limit.
        body: z.preprocess((body) => body ?? {}, previewRequest),
        response: { 200: previewBody },
      },
    },
    async (request) => previewCampaign(app.ctx, { id: request.params.id, ...request.body }),
  );

  app.post(
    "/:id/send",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Create and queue one notice per organization with due hosts; answers at once",
        params: campaignParams,
        response: { 202: sendBody },
      },
    },
    async (request, reply) => reply.status(202).send(await sendCampaign(app.ctx, actorOf(request), request.params)),
  );

  app.post(
    "/:id/requeue-stuck",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary:
          "Queue again the campaign's notices left queued or sending without a job (a crashed worker, Redis lost)",
        description:
          "A notice whose job is waiting, running or delayed is left alone; a notice the mail server accepted " +
          "but Baken could not record is never sent again. Delivery skips a notice already sent, so asking twice mails nobody twice.",
        params: campaignParams,
        response: { 200: requeueStuckBody },
      },
    },
    async (request) =>
      requeueStuckNotices(app.ctx, actorOf(request), { campaignId: request.params.id, olderThanMs: 0 }),
  );

  app.get(
    "/:id/notices",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "A campaign's notices with counts by status",
        params: campaignParams,
        querystring: noticesQuery,
        response: { 200: noticesBody },
      },
    },
    async (request) => listCampaignNotices(app.ctx, { campaignId: request.params.id, ...request.query }),
  );
}
