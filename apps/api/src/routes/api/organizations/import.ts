import { AppError } from "@baken/core";
import { importRegistry } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { importResult } from "./schemas.ts";

export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** The registry's bulk import: the file itself as the body (its parser is the folder's, see index.ts). */
export default async function importRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.post(
    "/import",
    {
      config: { role: "admin" },
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags: ["organizations"],
        summary: "Bulk import (NDJSON or CSV body), upsert by name, one transaction",
        description:
          "Send the file as the body with Content-Type application/x-ndjson or text/csv. Answers counts and, per rejected line, its reasons.",
        response: { 200: importResult },
      },
    },
    async (request) => {
      if (typeof request.body !== "string" || request.body.trim() === "") {
        throw new AppError(
          "bad_request",
          "Send the registry file as the body (Content-Type application/x-ndjson or text/csv)",
        );
      }
      return importRegistry(ctx, actorOf(request), { text: request.body });
    },
  );
}
