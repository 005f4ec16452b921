import multipart from "@fastify/multipart";
import {
  assignExposures,
  attachList,
  getList,
  ingestList,
  listExposures,
  listLists,
  listListErrors,
  previewList,
  rematchList,
} from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, requireRole } from "../../../plugins/app/auth.ts";
import { readUpload } from "./read-upload.ts";
import {
  assignBody,
  assignResult,
  attachResult,
  exposure,
  listDetail,
  listParams,
  listRow,
  page,
  previewResult,
  rematchResult,
  uploadResult,
} from "./schemas.ts";

/** Exposure lists: upload (streamed), read with match summary, review exposures and errors, assign, re-match. */
export default async function listRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  // Only here: multipart bodies are accepted for list uploads and nowhere else in the staff API.
  await app.register(multipart, { throwFileSizeLimit: true });

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

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "Lists, newest first",
        querystring: z.object({ ...page, campaignId: z.uuid().optional() }),
        response: {
          200: z.object({ lists: z.array(listRow), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (request) => listLists(ctx, request.query),
  );

  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "A list with its match summary",
        params: listParams,
        response: { 200: listDetail },
      },
    },
    async (request) => getList(ctx, request.params.id),
  );

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

  app.get(
    "/:id/errors",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["lists"],
        summary: "The rows a list rejected, with line, field and reason",
        params: listParams,
        querystring: z.object(page),
        response: {
          200: z.object({
            errors: z.array(z.object({ line: z.number(), field: z.string(), message: z.string() })),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => listListErrors(ctx, request.params.id, request.query),
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

  app.post(
    "/:id/rematch",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary: "Match the list again against the current registry",
        params: listParams,
        response: { 200: rematchResult },
      },
    },
    async (request) => rematchList(ctx, actorOf(request), request.params.id),
  );

  app.patch(
    "/:id",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["lists"],
        summary: "Attach the list to a campaign (its hosts join the campaign's)",
        params: listParams,
        body: z.object({ campaignId: z.uuid() }),
        response: { 200: attachResult },
      },
    },
    async (request) => attachList(ctx, actorOf(request), request.params.id, request.body),
  );
}
