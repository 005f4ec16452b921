import { addContact, removeContact, updateContact } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { contactBody, contactView, idParams } from "./schemas.ts";

/** An organization's contacts: who its notices go to. */
export default async function contactRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  const contactParams = z.object({ id: z.uuid(), contactId: z.uuid() });
  app.post(
    "/:id/contacts",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Add a contact",
        params: idParams,
        body: contactBody,
        response: { 201: contactView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addContact(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    "/:id/contacts/:contactId",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Change a contact",
        params: contactParams,
        body: contactBody.partial(),
        response: { 200: contactView },
      },
    },
    async (request) => updateContact(ctx, actorOf(request), request.params.id, request.params.contactId, request.body),
  );
  app.delete(
    "/:id/contacts/:contactId",
    {
      config: { role: "admin" },
      schema: {
        tags: ["organizations"],
        summary: "Remove a contact",
        params: contactParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await removeContact(ctx, actorOf(request), request.params.id, request.params.contactId);
      return reply.status(204).send(null);
    },
  );
}
