import { REPORT_LANGUAGES } from "@baken/core";
import { addReportNote, getReport, getReportAttachment, listReports, updateReport } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { listQuery, reportChange, reportDetail, reportNote, reportSummary } from "./schemas.ts";

const idParams = z.object({ id: z.uuid() });
const langQuery = z.object({ lang: z.enum(REPORT_LANGUAGES).default("en") });

/** An ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987), always as a download. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Triage of incident reports: viewers read, analysts change. Every change is audited by the use case. */
export default async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["reports"],
        summary: "Incident reports, newest first, filtered and paged",
        querystring: listQuery,
        response: {
          200: z.object({
            items: z.array(reportSummary),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
        },
      },
    },
    async (request) => listReports(app.ctx, request.query),
  );

  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["reports"],
        summary: "One report with its notes and attachments (metadata)",
        params: idParams,
        querystring: langQuery,
        response: { 200: reportDetail },
      },
    },
    async (request) => getReport(app.ctx, { id: request.params.id, lang: request.query.lang }),
  );

  app.patch(
    "/:id",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["reports"],
        summary: "Change status (new -> triaged -> in_progress -> closed, closing needs a resolution) or assignee",
        params: idParams,
        querystring: langQuery,
        body: reportChange,
        response: { 200: reportDetail },
      },
    },
    async (request) => {
      await updateReport(app.ctx, actorOf(request), { id: request.params.id, ...request.body });
      return getReport(app.ctx, { id: request.params.id, lang: request.query.lang });
    },
  );

  app.post(
    "/:id/notes",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["reports"],
        summary: "Adds an internal note (never shown to the reporter)",
        params: idParams,
        body: z.object({ body: z.string().min(1).max(20_000) }),
        response: { 201: reportNote },
      },
    },
    async (request, reply) => {
      const note = await addReportNote(app.ctx, actorOf(request), {
        reportId: request.params.id,
        body: request.body.body,
      });
      return reply.status(201).send(note);
    },
  );

  app.get(
    "/:id/attachments/:attachmentId",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["reports"],
        summary: "Downloads an attachment, always as application/octet-stream (it may be malware); audited",
        params: idParams.extend({ attachmentId: z.uuid() }),
        response: { 200: z.any().describe("the file's bytes, as application/octet-stream") },
      },
    },
    async (request, reply) => {
      const file = await getReportAttachment(app.ctx, actorOf(request), {
        reportId: request.params.id,
        attachmentId: request.params.attachmentId,
      });
      return reply
        .type("application/octet-stream")
        .header("content-disposition", contentDisposition(file.fileName))
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .header("cache-control", "private, no-store")
        .header("x-sha256", file.sha256)
        .send(file.data);
    },
  );
}
