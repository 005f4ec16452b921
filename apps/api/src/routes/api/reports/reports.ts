import { getReport, listReports, updateReport } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { idParams, langQuery, listQuery, reportChange, reportDetail, reportSummary } from "./schemas.ts";

/** Incident reports themselves: the triage queue, one report, its status and assignee. */
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
}
