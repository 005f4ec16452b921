import { attachList, getList, listLists, rematchList } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { attachResult, listDetail, listParams, listRow, page, rematchResult } from "./schemas.ts";

/** Lists themselves: read with their match summary, attach to a campaign, match again. */
export default async function listRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "Lists, newest first",
        querystring: z.object({ ...page, campaignId: z.uuid().optional() }),
        response: {
          200: z.object({ lists: z.array(listRow), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (request) => listLists(ctx, request.query),
  );

  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "A list with its match summary",
        params: listParams,
        response: { 200: listDetail },
      },
    },
    async (request) => getList(ctx, request.params.id),
  );

  app.post(
    "/:id/rematch",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary: "Match the list again against the current registry",
        params: listParams,
        response: { 200: rematchResult },
      },
    },
    async (request) => rematchList(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary: "Attach the list to a campaign (its hosts join the campaign's)",
        params: listParams,
        body: z.object({ campaignId: z.uuid() }),
        response: { 200: attachResult },
      },
    },
    async (request) => attachList(ctx, actorOf(request), request.params.id, request.body),
  );
}
