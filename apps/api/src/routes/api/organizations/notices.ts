import { NOTICE_STATUSES } from "@baken/core";
import { listOrganizationNotices } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const noticeView = z.object({
  id: z.uuid(),
  reference: z.string(),
  campaign: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(["initial", "reminder"]),
  status: z.enum(NOTICE_STATUSES),
  language: z.enum(["nl", "fr", "de", "en"]),
  hostCount: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  answers: z.array(
    z.object({
      answer: z.string(),
      compromise: z.string().nullable(),
      /** null: the answer covers all the notice's hosts */
      host: z.string().nullable(),
      comment: z.string().nullable(),
      at: z.string(),
    }),
  ),
});

/** An organization's past notices and the owner's answers. */
export default async function noticeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/:id/notices",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["organizations"],
        summary: "An organization's notices, newest first, with the owner's answers",
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ notices: z.array(noticeView) }) },
      },
    },
    async (request) => ({ notices: await listOrganizationNotices(app.ctx, request.params.id) }),
  );
}
