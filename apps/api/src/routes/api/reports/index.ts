import type { FastifyInstance } from "fastify";
import attachmentRoutes from "./attachments.ts";
import noteRoutes from "./notes.ts";
import replyRoutes from "./replies.ts";
import reportRoutes from "./reports.ts";

/**
 * Everything under /api/reports, the triage of incident reports: viewers read, analysts change. Every change
 * is audited by the use case. One file per subresource.
 */
export default async function reports(app: FastifyInstance) {
  await app.register(reportRoutes);
  await app.register(noteRoutes);
  await app.register(replyRoutes);
  await app.register(attachmentRoutes);
}
