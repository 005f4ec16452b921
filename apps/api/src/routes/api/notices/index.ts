import { NOTICE_KINDS, NOTICE_STATUSES } from "@baken/core";
import { getNotice, resendNotice } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";
import { noticeCore } from "../campaigns/schemas.ts";

const named = z.object({ id: z.string(), name: z.string() });
const params = z.object({ id: z.uuid() });

/** One notice, whatever its campaign: its detail, and sending it again to a corrected contact. */
export default async function notices(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["campaigns"];
  app.get(
    "/:id",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "A notice: recipients, every delivery attempt and the relay's answer, owners' answers, the mail",
        params,
        response: {
          200: noticeCore.extend({
            kind: z.enum(NOTICE_KINDS),
            parent: z.object({ id: z.string(), reference: z.string() }).nullable().describe("what it repeats"),
            campaign: named,
            organization: named,
            deliveries: z.array(
              z.object({
                attempt: z.number(),
                outcome: z.string().describe("sent, queued (retried later) or failed"),
                answer: z.string().nullable().describe("the relay's answer, or the error"),
                recipients: z.array(z.string()),
                at: z.string(),
              }),
            ),
            replies: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                answer: z.string(),
                compromise: z.string().nullable(),
                comment: z.string().nullable(),
                betterContact: z.string().nullable(),
                host: z.string().nullable().describe("null: for all the notice's hosts"),
              }),
            ),
            following: z.array(
              z.object({
                id: z.string(),
                reference: z.string(),
                kind: z.enum(NOTICE_KINDS),
                status: z.enum(NOTICE_STATUSES),
                recipients: z.array(z.string()),
                createdAt: z.string(),
              }),
            ),
            mail: z
              .object({ subject: z.string(), text: z.string() })
              .nullable()
              .describe("as it renders now, the owner's link a placeholder; null when no host is left to list"),
          }),
        },
      },
    },
    async (request) => getNotice(app.ctx, request.params.id),
  );
  app.post(
    "/:id/resend",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Send a notice again to corrected recipients (a new notice, audited)",
        description:
          "The new notice repeats the original's hosts and owner link under its own reference and is mailed once. " +
          "409 while the original is queued or sending, for a reminder, or when these exact addresses were already sent to.",
        params,
        body: z.object({ recipients: z.array(z.email()).min(1).max(20) }),
        response: { 200: z.object({ id: z.string(), reference: z.string(), recipients: z.array(z.string()) }) },
      },
    },
    async (request) =>
      resendNotice(app.ctx, actorOf(request), { noticeId: request.params.id, recipients: request.body.recipients }),
  );
}
