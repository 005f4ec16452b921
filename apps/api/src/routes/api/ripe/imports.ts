import { AppError } from "@baken/core";
import { beginRipeUpload, getRipeImport, listRipeImports, parseCountries } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { importParams, ripeImport } from "./schemas.ts";

/** RIPE database imports: the history with each one's counts and progress; an upload run by the worker. */
export default async function importRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.get(
    "/imports",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["ripe"],
        summary: "RIPE imports, newest first (the active one is what matching uses)",
        response: { 200: z.object({ imports: z.array(ripeImport) }) },
      },
    },
    async () => ({ imports: await listRipeImports(ctx) }),
  );

  app.get(
    "/imports/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["ripe"],
        summary: "One RIPE import: status, progress while it runs, counts and malformed objects",
        params: importParams,
        response: { 200: ripeImport },
      },
    },
    async (request) => getRipeImport(ctx, request.params.id),
  );

  app.post(
    "/imports",
    {
      config: { role: "admin" },
      schema: {
        tags: ["ripe"],
        summary: "Upload a RIPE dump's files; the worker imports them (202, follow GET /api/ripe/imports/:id)",
        description:
          "multipart/form-data: one or more fields `files` (ripe.db.inetnum, ripe.db.inet6num, ripe.db.aut-num, " +
          "ripe.db.organisation, ripe.db.role; gzipped or not; any order; optionally delegated-ripencc-latest) " +
          "and optionally `countries` (BE,LU: keep only the ranges of these countries, and their ASNs).",
        response: { 202: ripeImport },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) {
        throw new AppError("unsupported_media_type", "Upload the dump as multipart/form-data, files in fields `files`");
      }
      const upload = await beginRipeUpload(ctx);
      try {
        let countries: string[] | null = null;
        for await (const part of request.parts({ limits: { files: 20, fields: 5 } })) {
          if (part.type === "field") {
            if (part.fieldname === "countries") countries = parseCountries(String(part.value));
            continue;
          }
          if (part.fieldname !== "files") {
            part.file.resume();
            throw new AppError(
              "bad_request",
              `Unexpected file field ${part.fieldname}: send the dump in fields \`files\``,
            );
          }
          await upload.add(part.filename, part.file);
        }
        const id = await upload.finish(actorOf(request), { countries });
        return reply.status(202).send(await getRipeImport(ctx, id));
      } catch (err) {
        await upload.discard();
        throw err;
      }
    },
  );
}
