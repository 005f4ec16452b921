import cookie from "@fastify/cookie";
import cors from "@fastify/cors";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fp from "fastify-plugin";

/**
 * Headers, CORS and rate limiting for the whole app. CORS is closed: the console is served from the same
 * origin, and nothing else should call the staff API from a browser. Rate-limit counters live in Redis so
 * several API processes share them. A request made with an API token counts against that token, not its
 * address: tools behind one NAT do not starve each other, and a token cannot escape its limit by moving.
 * (The limit runs as a route hook, after the staff scope's authentication, which has set `apiToken`.)
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", "data:"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: null,
        },
      },
    });
    await app.register(cors, { origin: false });
    await app.register(cookie);
    await app.register(rateLimit, {
      global: true,
      max: app.ctx.config.http.rateLimitPerMinute,
      timeWindow: "1 minute",
      keyGenerator: (request) => (request.apiToken ? `token-${request.apiToken.id}` : request.ip),
      redis: app.ctx.redis,
      nameSpace: `${app.ctx.config.redis.rateLimitPrefix}-`,
      // Redis down must not take the API down with it: rate limiting fails open, readyz reports the outage.
      skipOnError: true,
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: 429,
        error: "rate_limited",
        message: `Too many requests; try again in ${ctx.after}`,
      }),
    });
  },
  { name: "baken-security", dependencies: ["baken-context"] },
);
