import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import importRoutes from "./imports.ts";

/** Everything under /api/ripe: the RIPE database imports (issue 14). No per-file size cap here: the
 *  upload's own limit (RIPE_UPLOAD_MAX_BYTES) counts all the files together. */
export default async function ripe(app: FastifyInstance) {
  await app.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: Number.MAX_SAFE_INTEGER } });
  await app.register(importRoutes);
}
