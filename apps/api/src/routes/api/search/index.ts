import { MAX_SEARCH_CHARS, SEARCH_KINDS } from "@baken/core";
import { searchEverything } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const named = z.object({ id: z.string(), name: z.string() });
const group = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ total: z.number().int().describe("how many, counted up to 10,000"), items: z.array(item) });

/** One box for everything: an address, a network, a name, an e-mail, a reference. */
export default async function search(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["search"],
        summary: "Lists, exposures, notices, answers, incident reports and organizations touching what is asked",
        description:
          "`q` is read as an IP address, a CIDR network, a notice (BAKEN#…) or report (CERT-…) reference, an e-mail " +
          "address, a host or domain name (with every name under it), or else part of an organization's name. " +
          "Each group holds its newest 25 rows and how many there are.",
        querystring: z.object({ q: z.string().max(MAX_SEARCH_CHARS) }),
        response: {
          200: z.object({
            query: z.object({ kind: z.enum(SEARCH_KINDS), value: z.string() }),
            organizations: group(
              z.object({ id: z.string(), name: z.string(), sector: z.string().nullable(), why: z.string() }),
            ),
            lists: group(
              z.object({
                id: z.string(),
                fileName: z.string(),
                createdAt: z.string(),
                campaignId: z.string().nullable(),
                hits: z.number(),
              }),
            ),
            exposures: group(
              z.object({
                id: z.number(),
                listId: z.string(),
                fileName: z.string(),
                line: z.number(),
                ip: z.string().nullable(),
                port: z.number().nullable(),
                hostname: z.string().nullable(),
                seenAt: z.string().nullable(),
                organization: named.nullable(),
              }),
            ),
            notices: group(
              z.object({
                id: z.string(),
                reference: z.string(),
                kind: z.string(),
                status: z.string(),
                createdAt: z.string(),
                recipients: z.array(z.string()),
                campaign: named,
                organization: named,
              }),
            ),
            answers: group(
              z.object({
                id: z.number(),
                noticeId: z.string(),
                reference: z.string(),
                answer: z.string(),
                compromise: z.string().nullable(),
                comment: z.string().nullable(),
                at: z.string(),
                host: z.string().nullable(),
                organization: named,
              }),
            ),
            reports: group(
              z.object({
                id: z.string(),
                reference: z.string(),
                status: z.string(),
                createdAt: z.string(),
                rsitClass: z.string(),
                organizationName: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => searchEverything(app.ctx, request.query.q),
  );
}
