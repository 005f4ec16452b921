import { getOverview } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const jobs = {
  waiting: z.number(),
  active: z.number(),
  delayed: z.number(),
  failed: z.number(),
  completed: z.number(),
};

/** Campaigns with their figures, the registry, the queues: the state of the service at a glance. */
export default async function overview(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/",
    {
      config: { role: "viewer" },
      schema: {
        tags: ["overview"],
        summary: "Campaigns with their figures, the registry's size and coverage, the queues' job counts",
        response: {
          200: z.object({
            trendDays: z.number(),
            campaigns: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                createdAt: z.string(),
                hosts: z.number(),
                organizations: z.number(),
                notified: z.number(),
                answered: z.number(),
                remediated: z.number().describe("notified hosts gone, or claimed fixed and not seen since"),
                flagged: z.number(),
                trend: z.array(z.number()).describe("hosts resolved per UTC day, oldest first"),
              }),
            ),
            registry: z.object({
              organizations: z.number(),
              reachable: z.number().describe("organizations with an active contact"),
              networks: z.number(),
              domains: z.number(),
              asns: z.number(),
              hosts: z.number().describe("campaign hosts"),
              matchedHosts: z.number().describe("campaign hosts matched to an organization"),
            }),
            queues: z.array(
              z.object({ name: z.string(), available: z.boolean().describe("false: Redis did not answer"), ...jobs }),
            ),
          }),
        },
      },
    },
    async () => getOverview(app.ctx),
  );
}
