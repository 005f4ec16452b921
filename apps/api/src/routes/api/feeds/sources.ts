import { feedSourceInputSchema, feedSourcePatchSchema } from "@baken/core";
import {
  createFeedSource,
  deleteFeedSource,
  getFeedSource,
  listFeedSources,
  requestFeedPull,
  updateFeedSource,
} from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { feedParams, feedSource, feedSourceDetail } from "./schemas.ts";

/**
 * Feed sources: their settings hold credentials and decide what reaches which campaign, so admins set them;
 * everyone reads how their pulls went; analysts may ask for a pull now.
 */
export default async function sourceRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["feeds"];

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "Feed sources, with their last run's outcome and their next pull",
        response: { 200: z.object({ feeds: z.array(feedSource) }) },
      },
    },
    async () => ({ feeds: await listFeedSources(app.ctx) }),
  );

  app.post(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Add a feed source (its API key and secret are sealed at rest and never answered)",
        body: feedSourceInputSchema,
        response: { 201: feedSourceDetail },
      },
    },
    async (request, reply) => reply.status(201).send(await createFeedSource(app.ctx, actorOf(request), request.body)),
  );

  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "A feed source and its latest runs, each report's outcome with them",
        params: feedParams,
        response: { 200: feedSourceDetail },
      },
    },
    async (request) => getFeedSource(app.ctx, request.params),
  );

  app.patch(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Change a feed source (an API key or secret given replaces the stored one; absent, it stays)",
        params: feedParams,
        body: feedSourcePatchSchema,
        response: { 200: feedSourceDetail },
      },
    },
    async (request) => updateFeedSource(app.ctx, actorOf(request), { id: request.params.id, patch: request.body }),
  );

  app.delete(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Delete a feed source and its schedule (the lists it brought stay)",
        params: feedParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteFeedSource(app.ctx, actorOf(request), request.params);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/:id/pull",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Pull now, outside the schedule (one waits per source at most)",
        params: feedParams,
        response: {
          202: z.object({ queued: z.boolean().describe("false: a pull of this source waits or runs already") }),
        },
      },
    },
    async (request, reply) => reply.status(202).send(await requestFeedPull(app.ctx, actorOf(request), request.params)),
  );
}
