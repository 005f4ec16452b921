import { assignExposures, listExposures } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireRole } from "../../../plugins/app/auth.ts";
import { assignBody, assignResult, exposure, listParams, page } from "./schemas.ts";

/** A list's exposures: review them with owner, reason and candidates; assign them by hand. */
export default async function exposureRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.get(
    "/:id/exposures",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "A list's exposures with owner, reason and every candidate",
        params: listParams,
        querystring: z.object({
          ...page,
          matched: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
          organizationId: z.uuid().optional(),
        }),
        response: {
          200: z.object({ exposures: z.array(exposure), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (request) => listExposures(ctx, request.params.id, request.query),
  );

  app.post(
    "/:id/assign",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary:
          "Assign exposures to an existing organization (manual assignment); registering a network or domain with it needs admin",
        params: listParams,
        body: assignBody,
        response: { 200: assignResult },
      },
    },
    async (request) => {
      // Assigning rows is list work; registering a network or domain changes the registry: admins only.
      if (request.body.registerNetwork || request.body.registerDomain) {
        requireRole(request, "admin", "Registering a network or domain");
      }
      return assignExposures(ctx, actorOf(request), request.params.id, request.body);
    },
  );
}
