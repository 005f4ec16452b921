import { listContactsToFix, markContactDeliverable } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { contactHealth, contactView } from "./schemas.ts";

/**
 * Contacts the delivery outcomes say are dead (issue 15). Marking one fixed is analyst work: it changes no
 * address, it only lets later notices address the contact the registry already holds.
 */
export default async function contactHealthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["organizations"];

  app.get(
    "/contacts-to-fix",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "Undeliverable contacts across the registry, most recent first, a page at a time",
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(1000).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            total: z.number().describe("undeliverable contacts in all (the pages' total)"),
            limit: z.number(),
            offset: z.number(),
            contacts: z.array(
              z.object({
                id: z.string(),
                email: z.string(),
                organization: z.object({ id: z.string(), name: z.string(), noDeliverableContact: z.boolean() }),
                health: contactHealth,
              }),
            ),
          }),
        },
      },
    },
    async (request) => listContactsToFix(app.ctx, request.query),
  );
  app.post(
    "/:id/contacts/:contactId/fixed",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Mark an undeliverable contact fixed: later notices address it again",
        description:
          "Its failures so far no longer count; the organization's 'no deliverable contact' flag is cleared.",
        params: z.object({ id: z.uuid(), contactId: z.uuid() }),
        response: { 200: contactView },
      },
    },
    async (request) => markContactDeliverable(app.ctx, actorOf(request), request.params.id, request.params.contactId),
  );
}
