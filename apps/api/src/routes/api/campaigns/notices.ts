import { listCampaignNotices, noticeDelivery, requeueStuckNotices, revokeNoticeLink } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { campaignParams, noticeDeliveryBody, noticesBody, noticesQuery, requeueStuckBody } from "./schemas.ts";

/** A campaign's notices once sent: the list, queueing stranded ones again, revoking an owner link. */
export default async function noticeRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["campaigns"];

  app.get(
    "/:id/notices",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "A campaign's notices with counts by status",
        params: campaignParams,
        querystring: noticesQuery,
        response: { 200: noticesBody },
      },
    },
    async (request) => listCampaignNotices(app.ctx, { campaignId: request.params.id, ...request.query }),
  );
  app.get(
    "/:id/notices/:noticeId/delivery",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "What became of a notice: each recipient's outcomes, the messages that came back, its redirect",
        params: z.object({ id: z.uuid(), noticeId: z.uuid() }),
        response: { 200: noticeDeliveryBody },
      },
    },
    async (request) => noticeDelivery(app.ctx, request.params.id, request.params.noticeId),
  );
  app.post(
    "/:id/requeue-stuck",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary:
          "Queue again the campaign's notices left queued or sending without a job (a crashed worker, Redis lost)",
        description:
          "A notice whose job is waiting, running or delayed is left alone; a notice the mail server accepted " +
          "but Baken could not record is never sent again. Delivery skips a notice already sent, so asking twice mails nobody twice.",
        params: campaignParams,
        response: { 200: requeueStuckBody },
      },
    },
    async (request) =>
      requeueStuckNotices(app.ctx, actorOf(request), { campaignId: request.params.id, olderThanMs: 0 }),
  );

  app.post(
    "/:id/notices/:noticeId/revoke",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["remediation"],
        summary: "Revoke a notice's owner link (a reminder's: the link it repeats)",
        params: z.object({ id: z.uuid(), noticeId: z.uuid() }),
        response: {
          200: z.object({
            noticeId: z.string(),
            linkNoticeId: z.string(),
            revokedAt: z.string(),
            alreadyRevoked: z.boolean(),
          }),
        },
      },
    },
    async (request) => {
      const r = await revokeNoticeLink(app.ctx, actorOf(request), {
        campaignId: request.params.id,
        noticeId: request.params.noticeId,
      });
      return { ...r, revokedAt: r.revokedAt.toISOString() };
    },
  );
}
