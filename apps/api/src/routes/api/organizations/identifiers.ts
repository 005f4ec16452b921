import { addIdentifier, removeIdentifier, type IdentifierKind } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { idParams } from "./schemas.ts";

/** What matches an exposure to the organization: its networks, ASNs and domains, the same routes for each. */
export default async function identifierRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  const identifiers: {
    path: string;
    kind: IdentifierKind;
    field: "cidr" | "asn" | "name";
    value: z.ZodType<string | number>;
  }[] = [
    { path: "networks", kind: "network", field: "cidr", value: z.string().max(100) },
    { path: "asns", kind: "asn", field: "asn", value: z.union([z.number(), z.string().max(20)]) },
    { path: "domains", kind: "domain", field: "name", value: z.string().max(253) },
  ];
  for (const { path, kind, field, value } of identifiers) {
    app.post(
      `/:id/${path}`,
      {
        config: { role: "admin" },
        schema: {
          tags: ["organizations"],
          summary: `Register a ${kind} to the organization`,
          params: idParams,
          body: z.object({ [field]: value }),
          response: { 201: z.object({ id: z.number(), [field]: kind === "asn" ? z.number() : z.string() }) },
        },
      },
      async (request, reply) => {
        const body = request.body as Record<string, string | number>;
        const row = await addIdentifier(ctx, actorOf(request), request.params.id, kind, body[field]!);
        return reply.status(201).send({ id: row.id, [field]: row.value });
      },
    );
    app.delete(
      `/:id/${path}/:itemId`,
      {
        config: { role: "admin" },
        schema: {
          tags: ["organizations"],
          summary: `Remove a ${kind} from the organization`,
          params: z.object({ id: z.uuid(), itemId: z.coerce.number().int().positive() }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeIdentifier(ctx, actorOf(request), request.params.id, kind, request.params.itemId);
        return reply.status(204).send(null);
      },
    );
  }
}
