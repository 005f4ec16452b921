import { SIGNAL_KINDS } from "@baken/db";
import { countSignals, handleSignal, listSignals } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../../../plugins/app/auth.ts";

const kind = z.enum(SIGNAL_KINDS);
const named = z.object({ id: z.string(), name: z.string() });
const counts = z.object(
  Object.fromEntries(SIGNAL_KINDS.map((k) => [k, z.number().int()])) as Record<
    (typeof SIGNAL_KINDS)[number],
    z.ZodNumber
  >,
);

const signal = z.object({
  kind: kind.describe(
    "owner_alert: compromise found or help asked; owner_claim: not ours / false positive; notice_failed: a notice " +
      "that reached nobody; report_new: an incident report not triaged yet; list_rejected: a list with rejected rows",
  ),
  subjectId: z.string().describe("the answer's (first reply's), notice's, report's or list's id"),
  at: z.string(),
  organization: named.nullable(),
  campaign: named.nullable(),
  noticeId: z.string().nullable(),
  reportId: z.string().nullable(),
  listId: z.string().nullable(),
  reference: z.string().nullable().describe("a notice's or report's reference, a list's file name"),
  answer: z.string().nullable(),
  compromise: z.string().nullable(),
  comment: z.string().nullable(),
  count: z.number().nullable().describe("hosts answered for, hosts in the notice, rows rejected"),
  detail: z.string().nullable().describe("the relay's last error, the report's RSIT class, a better contact"),
  handled: z
    .object({
      at: z.string(),
      note: z.string(),
      by: z.object({ id: z.string(), email: z.string(), name: z.string() }).nullable(),
    })
    .nullable(),
});

/** What needs a person: the console's landing page, and the navigation's counts. */
export default async function signals(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ["signals"];
  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "Everything that needs a person, newest first, with its state",
        querystring: z.object({
          state: z.enum(["open", "handled", "all"]).default("open"),
          kind: kind.optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: {
          200: z.object({
            total: z.number().int().describe("signals matching the filters"),
            open: counts.describe("open signals per kind"),
            signals: z.array(signal),
          }),
        },
      },
    },
    async (request) => listSignals(app.ctx, request.query),
  );
  app.get(
    "/counts",
    {
      config: { role: "viewer" },
      schema: {
        tags,
        summary: "Open signals per kind, and their sum (the navigation's badge)",
        response: { 200: z.object({ total: z.number().int(), open: counts }) },
      },
    },
    async () => countSignals(app.ctx),
  );
  app.post(
    "/:kind/:subjectId/handle",
    {
      config: { role: "analyst" },
      schema: {
        tags,
        summary: "Mark a signal handled, with a note (audited); 409 when someone already did",
        params: z.object({ kind, subjectId: z.string().min(1).max(100) }),
        body: z.object({ note: z.string().trim().max(2000).default("") }),
        response: { 200: z.object({ kind, subjectId: z.string(), handledAt: z.string() }) },
      },
    },
    async (request) => handleSignal(app.ctx, actorOf(request), { ...request.params, note: request.body.note }),
  );
}
