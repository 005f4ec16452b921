import { pushFeedReport } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { readUpload } from "../../../lib/read-upload.ts";
import { actorOf } from "../../../plugins/app/auth.ts";
import { uploadResult } from "../lists/schemas.ts";
import { feedParams } from "./schemas.ts";

/** Reports pushed to a feed by the tools that send them (an API token, analyst), as an upload is sent. */
export default async function reportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;

  app.post(
    "/:id/reports",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["feeds"],
        summary: "Push a report to a feed: ingested as an upload, its campaign by the feed's rules, its TLP the feed's",
        description:
          "Multipart as POST /api/lists: reportType and columns (optional) before the file, then `file`; the feed " +
          "decides the campaign (its rule for the report's type; none: unassigned) and the TLP, so campaignId and " +
          "tlp are not taken. `reportId` names the report as its sender does: a report id or a file seen before " +
          "is a 409 naming the list (details.id). Recorded as a run of the feed.",
        params: feedParams,
        querystring: z.object({
          reportId: z
            .string()
            .trim()
            .regex(/^[\w.:-]{1,200}$/, "letters, digits and . _ : - (at most 200)")
            .optional(),
        }),
        response: { 201: uploadResult.extend({ campaignId: z.uuid().nullable() }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await readUpload(request, ctx.config.uploads.maxBytes, (file, fileName, read) =>
        pushFeedReport(ctx, actor, {
          feedSourceId: request.params.id,
          reportId: request.query.reportId ?? null,
          type: read.reportType ?? null,
          fileName,
          file,
          read,
        }),
      );
      return reply.status(201).send(result);
    },
  );
}
