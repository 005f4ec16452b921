import { exportAuditCsv, listAuditEvents } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const instant = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), "a date (2026-11-23) or an ISO timestamp")
  .transform((s) => new Date(s));

const filters = z.object({
  subjectType: z.string().optional(),
  subjectId: z.string().optional(),
  action: z.string().optional().describe('an action ("report.assign") or all of a family ("report")'),
  actorId: z.uuid().optional().describe("done by this staff user"),
  tokenId: z.uuid().optional().describe("what was done through this API token"),
  from: instant.optional().describe("at or after (a date or an ISO timestamp)"),
  to: instant.optional().describe("before (a date or an ISO timestamp)"),
});

export default async function audit(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/",
    {
      config: { role: "admin" },
      schema: {
        tags: ["audit"],
        summary: "Audit events, newest first, with names of who and what (page with `before`)",
        querystring: filters.extend({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            events: z.array(
              z.object({
                id: z.number(),
                at: z.string(),
                actorId: z.string().nullable(),
                actor: z.string().nullable().describe("the actor's e-mail"),
                actorName: z.string().nullable(),
                token: z
                  .object({ id: z.string(), name: z.string() })
                  .nullable()
                  .describe("the API token the actor acted through"),
                action: z.string(),
                subjectType: z.string(),
                subjectId: z.string().nullable(),
                subjectName: z.string().nullable().describe("the subject's name now, if it still exists"),
                details: z.unknown(),
                ip: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => ({ events: await listAuditEvents(app.ctx, request.query) }),
  );

  app.get(
    "/export.csv",
    {
      config: { role: "admin" },
      schema: {
        tags: ["audit"],
        summary: "The filtered audit trail as CSV (newest first, formula cells neutralised)",
        querystring: filters,
        response: { 200: z.string().describe("CSV (text/csv), a header line then one event a line") },
      },
    },
    async (request, reply) => {
      const csv = await exportAuditCsv(app.ctx, request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="baken-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );
}
