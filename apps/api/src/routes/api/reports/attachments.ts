import { getReportAttachment } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { idParams } from "./schemas.ts";

/** An ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987), always as a download. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** A report's attachments, downloaded as opaque bytes. */
export default async function attachmentRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

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
