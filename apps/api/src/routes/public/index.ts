import formbody from "@fastify/formbody";
import type { FastifyInstance } from "fastify";
import ownerRoutes from "./owner/index.ts";
import reportRoutes from "./report/index.ts";

/**
 * Pages for the public: the incident-report form and the notified owner's page. Server-rendered HTML that
 * works without JavaScript (plain form posts), loads nothing from third parties, and has its own rate limits.
 */
export default async function publicPages(app: FastifyInstance) {
  await app.register(formbody);
  await app.register(reportRoutes, { prefix: "/report" });
  await app.register(ownerRoutes, { prefix: "/r" });
}
