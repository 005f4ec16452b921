import { listAuditEvents } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

export default async function audit(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags: ["audit"],
        summary: "Audit events, newest first (page with `before`)",
        querystring: z.object({
          subjectType: z.string().optional(),
          subjectId: z.string().optional(),
          action: z.string().optional(),
          tokenId: z.uuid().optional().describe("what was done through this API token"),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            events: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actor: z.string().nullable(),
                token: z
                  .object({ id: z.string(), name: z.string() })
                  .nullable()
                  .describe("the API token the actor acted through"),
                action: z.string(),
                subjectType: z.string(),
                subjectId: z.string().nullable(),
                details: z.unknown(),
                ip: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ events: await listAuditEvents(app.ctx, request.query) }),
  );
}
