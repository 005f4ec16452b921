import { blockAbuseContact, promoteAbuseContact } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { idParams } from "./schemas.ts";

const abuseContact = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(["registered", "abuse_contact"]),
  abuseMailbox: z.string().nullable(),
  contactSource: z.string().nullable(),
  provenance: z.string().nullable(),
  blockedAt: z.string().nullable(),
  blockedReason: z.string().nullable(),
});

/**
 * The automatic organizations of abuse mailboxes (kind abuse_contact): block one (never a candidate again,
 * with a reason), unblock it, or promote it to a registered organization. A registered one answers 409.
 */
export default async function abuseContactRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.put(
    "/:id/block",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Block an abuse mailbox: matching never picks it again; the reason is kept and audited",
        params: idParams,
        body: z.object({ reason: z.string().trim().min(1).max(1000) }),
        response: { 200: abuseContact },
      },
    },
    async (request) => blockAbuseContact(ctx, actorOf(request), request.params.id, request.body.reason),
  );

  app.delete(
    "/:id/block",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Unblock an abuse mailbox",
        params: idParams,
        response: { 200: abuseContact },
      },
    },
    async (request) => blockAbuseContact(ctx, actorOf(request), request.params.id, null),
  );

  app.post(
    "/:id/promote",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Promote an abuse mailbox's automatic organization to a registered one (optionally renamed)",
        params: idParams,
        body: z.object({ name: z.string().trim().min(1).max(200).optional() }).default({}),
        response: { 200: abuseContact },
      },
    },
    async (request) => promoteAbuseContact(ctx, actorOf(request), request.params.id, request.body),
  );
}
