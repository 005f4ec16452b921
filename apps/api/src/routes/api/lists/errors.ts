import { listListErrors } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listParams, page } from "./schemas.ts";

/** The rows a list rejected. */
export default async function errorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.get(
    "/:id/errors",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "The rows a list rejected, with line, field and reason",
        params: listParams,
        querystring: z.object(page),
        response: {
          200: z.object({
            errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => listListErrors(ctx, request.params.id, request.query),
  );
}
