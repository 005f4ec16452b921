import { listReportAssignees, replyToReport } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { idParams } from "./schemas.ts";

/** Replies to the reporter (mailed in the report's language by the worker), and whom reports go to. */
export default async function replyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/:id/replies",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["reports"],
        summary: "Reply to the reporter: kept in the report's history, mailed in the report's language",
        params: idParams,
        body: z.object({ body: z.string().min(1).max(20_000) }),
        response: {
          202: z.object({
            id: z.uuid(),
            queued: z.boolean().describe("false: stored, and queued by the worker once Redis is back"),
          }),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await replyToReport(app.ctx, actorOf(request), { reportId: request.params.id, body: request.body.body })),
  );

  app.get(
    "/assignees",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["reports"],
        summary: "The colleagues a report can be assigned to (active analysts and admins)",
        response: {
          200: z.object({ staff: z.array(z.object({ id: z.uuid(), email: z.string(), name: z.string() })) }),
        },
      },
    },
    async () => ({ staff: await listReportAssignees(app.ctx) }),
  );
}
