import type { FastifyInstance } from "fastify";
import campaignRoutes from "./campaigns.ts";
import hostRoutes from "./hosts.ts";
import noticeRoutes from "./notices.ts";
import progressRoutes from "./progress.ts";
import reminderRoutes from "./reminders.ts";
import sendingRoutes from "./sending.ts";

/**
 * Everything under /api/campaigns, one file per subresource: the campaigns themselves, sending, the
 * notices sent, and the follow-up of remediation (hosts, progress, reminders).
 */
export default async function campaigns(app: FastifyInstance) {
  await app.register(campaignRoutes);
  await app.register(sendingRoutes);
  await app.register(noticeRoutes);
  await app.register(hostRoutes);
  await app.register(progressRoutes);
  await app.register(reminderRoutes);
}
