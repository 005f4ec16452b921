import { apiTokenInputSchema } from "@baken/core";
import { createApiToken, listApiTokens, revokeApiToken } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { createdTokenBody, tokenBody, tokenParams } from "./schemas.ts";

/**
 * API tokens, for tools that call Baken without a person's session. Admins only: and since an admin route
 * refuses every token, no token can make, list or revoke tokens.
 */
export default async function tokenRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["tokens"];

  app.post(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Create an API token (viewer or analyst); the answer holds its secret, shown this once",
        body: apiTokenInputSchema,
        response: { 201: createdTokenBody },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(app.ctx, actorOf(request), request.body)),
  );

  app.get(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Every API token, newest first, with its status and last use (never its secret)",
        response: { 200: z.object({ tokens: z.array(tokenBody) }) },
      },
    },
    async () => ({ tokens: await listApiTokens(app.ctx) }),
  );

  app.delete(
    "/:id",
    {
      config: { role: "admin" },
      schema: {
        tags,
        summary: "Revoke an API token: refused from its next request on",
        params: tokenParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeApiToken(app.ctx, actorOf(request), request.params);
      return reply.status(204).send(null);
    },
  );
}
