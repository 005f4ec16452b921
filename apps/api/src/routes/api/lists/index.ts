import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import errorRoutes from "./errors.ts";
import exposureRoutes from "./exposures.ts";
import listRoutes from "./lists.ts";
import uploadRoutes from "./uploads.ts";

/**
 * Everything under /api/lists, exposure lists: upload (streamed) and preview, read with match summary, review
 * exposures and errors, assign, re-match. One file per subresource.
 */
export default async function lists(app: FastifyInstance) {
  // Only here: multipart bodies are accepted for list uploads and nowhere else in the staff API.
  await app.register(multipart, { throwFileSizeLimit: true });
  await app.register(uploadRoutes);
  await app.register(listRoutes);
  await app.register(exposureRoutes);
  await app.register(errorRoutes);
}
