import { attachList, deleteList, getList, listLists, previewListDeletion, rematchList } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { attachResult, listDeletion, listDetail, listParams, listRow, page, rematchResult } from "./schemas.ts";

/** Lists themselves: read with their match summary, attach to a campaign, match again, delete (admins). */
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

  app.get(
    "/:id/deletion",
    {
      config: { role: "admin" },
      schema: {
        tags: ["lists"],
        summary: "What deleting the list would do (its rows, its campaign's hosts), and why it would be refused",
        params: listParams,
        response: { 200: listDeletion.extend({ refusal: z.string().nullable() }) },
      },
    },
    async (request) => previewListDeletion(ctx, request.params.id),
  );

  app.delete(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags: ["lists"],
        summary:
          "Delete the list and its rows; hosts only it brought into its campaign, never notified, leave (audited). " +
          "409 when the campaign's history would change",
        params: listParams,
        response: { 200: listDeletion },
      },
    },
    async (request) => deleteList(ctx, actorOf(request), { id: request.params.id }),
  );
}
