import { AppError } from "@baken/core";
import type { FastifyInstance } from "fastify";
import auth from "../../plugins/app/auth.ts";
import audit from "./audit/index.ts";
import authRoutes from "./auth/index.ts";
import campaigns from "./campaigns/index.ts";
import contactOverrides from "./contact-overrides/index.ts";
import feeds from "./feeds/index.ts";
import lists from "./lists/index.ts";
import organizations from "./organizations/index.ts";
import reports from "./reports/index.ts";
import staff from "./staff/index.ts";
import ripe from "./ripe/index.ts";
import tokens from "./tokens/index.ts";
import notices from "./notices/index.ts";
import overview from "./overview/index.ts";
import search from "./search/index.ts";
import signals from "./signals/index.ts";

/**
 * The staff API scope. Every route here is authenticated and role-checked by one hook, except the few
 * that declare `config: { public: true }` (sign-in). A route without a role fails the start.
 * One folder per URL prefix (see README.md).
 */
export default async function staffApi(app: FastifyInstance) {
  await app.register(auth);
  app.addHook("onRoute", (route) => {
    const config = route.config as { role?: string; public?: boolean } | undefined;
    if (!config?.public && !config?.role) throw new Error(`staff route ${route.method} ${route.url} declares no role`);
  });
  // The global rate limit runs after this hook, keyed by the identity it finds; a request that proves no
  // identity never reaches it, so failed authentications are counted here, per address.
  const limitUnauthenticated = app.rateLimit({
    max: app.ctx.config.http.rateLimitPerMinute,
    timeWindow: "1 minute",
    keyGenerator: (request) => `unauthenticated-${request.ip}`,
  });
  app.addHook("onRequest", async (request, reply) => {
    if ((request.routeOptions.config as { public?: boolean }).public) return;
    try {
      await app.requireStaff(request, reply);
    } catch (error) {
      if (error instanceof AppError && error.code === "unauthorized")
        await limitUnauthenticated.call(app, request, reply);
      throw error;
    }
  });

  await app.register(authRoutes, { prefix: "/auth" });
  await app.register(audit, { prefix: "/audit" });
  await app.register(organizations, { prefix: "/organizations" });
  await app.register(contactOverrides, { prefix: "/contact-overrides" });
  await app.register(lists, { prefix: "/lists" });
  await app.register(campaigns, { prefix: "/campaigns" });
  await app.register(reports, { prefix: "/reports" });
  await app.register(tokens, { prefix: "/tokens" });
  await app.register(staff, { prefix: "/staff" });
  await app.register(feeds, { prefix: "/feeds" });
  await app.register(signals, { prefix: "/signals" });
  await app.register(overview, { prefix: "/overview" });
  await app.register(search, { prefix: "/search" });
  await app.register(notices, { prefix: "/notices" });
  await app.register(ripe, { prefix: "/ripe" });
}
