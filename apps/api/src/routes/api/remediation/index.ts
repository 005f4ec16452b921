import {
  getCampaignProgress,
  listCampaignHosts,
  remindCampaign,
  revokeNoticeLink,
  setReminderSchedule,
} from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";

// Follow-up of a campaign's remediation, registered under /campaigns beside the campaigns plugin (different paths).

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const idParams = z.object({ id: z.uuid() });
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

const progressDay = z.object({
  day: z.string(),
  notified: z.number().int(),
  answered: z.number().int(),
  claimedFixed: z.number().int(),
  gone: z.number().int(),
  stillOpen: z.number().int(),
});

export default async function remediationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/:id/hosts",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["remediation"],
        summary: "A campaign's hosts for follow-up: state, answer, flags, 'claimed fixed, still seen'",
        params: idParams,
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

  app.get(
    "/:id/progress",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["remediation"],
        summary: "Per-day progress (cumulative), remediation rate and median times of a campaign",
        params: idParams,
        response: {
          200: z.object({
            campaignId: z.string(),
            days: z.array(progressDay),
            totals: z.object({
              hosts: z.number().int(),
              notified: z.number().int(),
              answered: z.number().int(),
              claimedFixed: z.number().int(),
              claimedFixedStillSeen: z.number().int(),
              gone: z.number().int(),
              notOurs: z.number().int(),
              stillOpen: z.number().int(),
              remediated: z.number().int(),
              flagged: z.number().int(),
            }),
            remediationRate: z.number().nullable(),
            goneRate: z.number().nullable(),
            medianHoursToAnswer: z.number().nullable(),
            medianHoursToGone: z.number().nullable(),
          }),
        },
      },
    },
    async (request) => getCampaignProgress(app.ctx, { campaignId: request.params.id }),
  );

  app.post(
    "/:id/remind",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["remediation"],
        summary: "Queue a reminder to each organization with hosts still seen and no notice for minAgeDays",
        params: idParams,
        body: z.object({ minAgeDays: z.number().int().min(1).max(365).optional() }).default({}),
        response: {
          200: z.object({
            reminders: z.number().int(),
            hosts: z.number().int(),
            skipped: z.object({ tooRecent: z.number().int(), noLink: z.number().int(), inactive: z.number().int() }),
            noticeIds: z.array(z.string()),
          }),
        },
      },
    },
    async (request) =>
      remindCampaign(app.ctx, actorOf(request), {
        campaignId: request.params.id,
        minAgeDays: request.body?.minAgeDays,
      }),
  );

  app.put(
    "/:id/reminder-schedule",
    {
      config: { role: "analyst" },
      schema: {
        tags: ["remediation"],
        summary: "Send reminder rounds automatically every N days (null: stop)",
        params: idParams,
        body: z.object({ everyDays: z.number().int().min(1).max(365).nullable() }),
        response: { 200: z.object({ everyDays: z.number().int().nullable() }) },
      },
    },
    async (request) =>
      setReminderSchedule(app.ctx, actorOf(request), {
        campaignId: request.params.id,
        everyDays: request.body.everyDays,
      }),
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
