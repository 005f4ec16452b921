import { ingestList, previewList } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { readUpload } from "../../../lib/read-upload.ts";
import { previewResult, uploadResult } from "./schemas.ts";

/** A list's file, streamed: stored (upload) or only read to show how it would be (preview). */
export default async function uploadRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.post(
    "/",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary:
          "Upload an exposure list (multipart: reportType, columns, then file; source, campaignId, tlp anywhere)",
        description:
          "CSV (comma, semicolon or tab; header row), plain text (one address a line), JSON (array, NDJSON, or one " +
          "object holding the rows). A Shadowserver report is read by its published schema (type from the file name, " +
          "the header, or the reportType field); anything else by column roles (unambiguous names, or the columns " +
          'field: a JSON object {"column": "role"}). reportType and columns must come before the file. Streamed, ' +
          "validated, matched. 409 (details.id) when the same file was uploaded before; 413 past UPLOAD_MAX_BYTES / UPLOAD_MAX_ROWS.",
        response: { 201: uploadResult },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await readUpload(request, ctx.config.uploads.maxBytes, (file, fileName, read, meta) =>
        ingestList(ctx, actor, { file, fileName, read, meta }),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/preview",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary: "Preview how an upload would be read, storing nothing (same multipart as the upload)",
        description:
          "The detected format, report type, delimiter, header and each column's role, the first 20 rows as they " +
          "would be stored with whom they would be routed to, the first errors, and why the file would be refused " +
          "(problem). Only the beginning of the file is read.",
        response: { 200: previewResult },
      },
    },
    async (request) =>
      readUpload(request, ctx.config.uploads.maxBytes, (file, fileName, read) =>
        previewList(ctx, { file, fileName, read }),
      ),
  );
}
