import { listCampaignHosts } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { campaignParams } from "./schemas.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const STATES = ["open", "notified", "remediated", "not_ours", "gone"] as const;
const ANSWERS = ["patched", "mitigated", "investigating", "not_ours", "false_positive", "needs_help"] as const;
const boolQuery = z.enum(["true", "false"]).transform((v) => v === "true");

const hostSchema = z.object({
  id: z.number().int(),
  ip: z.string().nullable(),
  port: z.number().int().nullable(),
  protocol: z.string().nullable(),
  hostname: z.string().nullable(),
  state: z.enum(STATES),
  claimedFixedStillSeen: z.boolean(),
  answer: z.enum(ANSWERS).nullable(),
  answeredAt: z.string().nullable(),
  compromise: z.enum(["yes", "no", "not_checked"]).nullable(),
  flagged: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  notifiedAt: z.string().nullable(),
  goneAt: z.string().nullable(),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
});

/** A campaign's hosts for the follow-up of its remediation. */
export default async function hostRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/:id/hosts",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["remediation"],
        summary: "A campaign's hosts for follow-up: state, answer, flags, 'claimed fixed, still seen'",
        params: campaignParams,
        querystring: z.object({
          state: z.enum(STATES).optional(),
          organizationId: z.uuid().optional(),
          flagged: boolQuery.optional(),
          stillSeen: boolQuery.optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ page: z.number(), pageSize: z.number(), total: z.number(), hosts: z.array(hostSchema) }),
        },
      },
    },
    async (request) => {
      const result = await listCampaignHosts(app.ctx, { campaignId: request.params.id, ...request.query });
      return {
        ...result,
        hosts: result.hosts.map((h) => ({
          ...h,
          state: h.state as (typeof STATES)[number],
          answer: h.answer as (typeof ANSWERS)[number] | null,
          compromise: h.compromise as "yes" | "no" | "not_checked" | null,
          answeredAt: iso(h.answeredAt),
          firstSeenAt: h.firstSeenAt.toISOString(),
          lastSeenAt: h.lastSeenAt.toISOString(),
          notifiedAt: iso(h.notifiedAt),
          goneAt: iso(h.goneAt),
        })),
      };
    },
  );
}
