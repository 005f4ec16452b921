import { previewCampaign, sendCampaign } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { campaignParams, previewBody, previewRequest, sendBody } from "./schemas.ts";

/** A campaign's notices before they exist: preview what a send would create, then send. */
export default async function sendingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["campaigns"];

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
}
