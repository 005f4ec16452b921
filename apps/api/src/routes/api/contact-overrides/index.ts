import { createContactOverride, listContactOverrides, removeContactOverride } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";

const contactOverride = z.object({
  id: z.uuid(),
  cidr: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  organizationKind: z.enum(["registered", "abuse_contact"]),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

/**
 * Staff's contact for a range: its hosts that no registered organization matches reach the organization
 * (or abuse mailbox) named here instead of the RIPE abuse contact; candidates show it as `override`.
 */
export default async function contactOverrideRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["reach"],
        summary: "Overrides of ranges' contacts, by range",
        response: { 200: z.object({ overrides: z.array(contactOverride) }) },
      },
    },
    async () => ({ overrides: await listContactOverrides(ctx) }),
  );

  app.post(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags: ["reach"],
        summary: "Override a range's contact: its unregistered hosts reach this organization or mailbox (audited)",
        description:
          "Either `organizationId` (any organization) or `mailbox` (an abuse mailbox: its organization is made " +
          "as the fallback makes them). Takes effect from the next upload or re-match; 409 when the range has one.",
        body: z.object({
          cidr: z.string().trim().min(1).max(64).describe("a network: 192.0.2.0/25, 2001:db8::/48"),
          organizationId: z.uuid().optional(),
          mailbox: z.email().max(254).optional(),
          note: z.string().max(1000).optional(),
        }),
        response: { 201: contactOverride },
      },
    },
    async (request, reply) => reply.status(201).send(await createContactOverride(ctx, actorOf(request), request.body)),
  );

  app.delete(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags: ["reach"],
        summary: "Remove an override: the range's hosts reach their RIPE abuse contact again (audited)",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeContactOverride(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
