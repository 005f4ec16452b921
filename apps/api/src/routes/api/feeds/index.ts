import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import reportRoutes from "./reports.ts";
import sourceRoutes from "./sources.ts";

/** Everything under /api/feeds: feed sources and their runs; reports pushed to a feed (multipart). */
export default async function feeds(app: FastifyInstance) {
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(sourceRoutes);
  await app.register(reportRoutes);
}
