import { addReportNote } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { idParams, reportNote } from "./schemas.ts";

/** Staff's internal notes on a report. */
export default async function noteRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/:id/notes",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["reports"],
        summary: "Adds an internal note (never shown to the reporter)",
        params: idParams,
        body: z.object({ body: z.string().min(1).max(20_000) }),
        response: { 201: reportNote },
      },
    },
    async (request, reply) => {
      const note = await addReportNote(app.ctx, actorOf(request), {
        reportId: request.params.id,
        body: request.body.body,
      });
      return reply.status(201).send(note);
    },
  );
}
