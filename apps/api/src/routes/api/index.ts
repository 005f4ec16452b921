import type { FastifyInstance } from "fastify";
import auth from "../../plugins/app/auth.ts";
import auditRoutes from "./audit.ts";
import authRoutes from "./auth.ts";
import campaignRoutes from "./campaigns/index.ts";
import listRoutes from "./lists/index.ts";
import organizationNoticeRoutes from "./organization-notices.ts";
import organizationRoutes from "./organizations/index.ts";
import remediationRoutes from "./remediation/index.ts";
import reportRoutes from "./reports/index.ts";

/**
 * The staff API scope. Every route here is authenticated and role-checked by one hook, except the few
 * that declare `config: { public: true }` (sign-in). A route without a role fails the start.
 */
export default async function staffApi(app: FastifyInstance) {
  await app.register(auth);
  app.addHook("onRoute", (route) => {
    const config = route.config as { role?: string; public?: boolean } | undefined;
    if (!config?.public && !config?.role) throw new Error(`staff route ${route.method} ${route.url} declares no role`);
  });
  app.addHook("onRequest", async (request, reply) => {
    if ((request.routeOptions.config as { public?: boolean }).public) return;
    await app.requireStaff(request, reply);
  });

  await app.register(authRoutes, { prefix: "/auth" });
  await app.register(auditRoutes, { prefix: "/audit" });
  await app.register(organizationRoutes, { prefix: "/organizations" });
  await app.register(listRoutes, { prefix: "/lists" });
  await app.register(campaignRoutes, { prefix: "/campaigns" });
  await app.register(remediationRoutes, { prefix: "/campaigns" });
  await app.register(reportRoutes, { prefix: "/reports" });
  await app.register(organizationNoticeRoutes, { prefix: "/organizations" });
}
