import { AppError } from "@baken/core";
import { authenticateStaff } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { SESSION_COOKIE } from "../../plugins/app/auth.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    public?: boolean;
  }
}

const staffSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["admin", "analyst", "viewer"]),
});

const FAILURE_WINDOW_SECONDS = 15 * 60;

export default async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { redis, config } = app.ctx;
  const perMinute = config.auth.loginRateLimitPerMinute;
  const failureKey = (email: string) => `${config.redis.prefix}:login-failures:${email.trim().toLowerCase()}`;

  app.post(
    "/login",
    {
      config: { public: true, rateLimit: { max: perMinute, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Sign in; returns a token and sets the console's session cookie",
        security: [],
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }),
        response: { 200: z.object({ token: z.string(), expiresIn: z.string(), staff: staffSchema }) },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      // Per account, failures only: a password-guessing run is stopped even when it hops between addresses.
      const failures = Number((await redis.get(failureKey(email)).catch(() => null)) ?? 0);
      if (failures >= perMinute) {
        throw new AppError("rate_limited", "Too many failed sign-ins for this account; try again in 15 minutes");
      }
      let staff;
      try {
        staff = await authenticateStaff(app.ctx, { email, password, ip: request.ip });
      } catch (err) {
        await redis
          .multi()
          .incr(failureKey(email))
          .expire(failureKey(email), FAILURE_WINDOW_SECONDS)
          .exec()
          .catch(() => {});
        throw err;
      }
      await redis.del(failureKey(email)).catch(() => {});
      const token = await reply.jwtSign({ sub: staff.id, role: staff.role });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: "strict",
        secure: config.publicBaseUrl.startsWith("https:"),
        path: "/",
      });
      return { token, expiresIn: config.auth.jwtExpiresIn, staff };
    },
  );

  app.post(
    "/logout",
    {
      config: { public: true },
      schema: { tags: ["auth"], summary: "Sign out of the console (clears the cookie)", response: { 204: z.null() } },
    },
    async (_request, reply) => reply.clearCookie(SESSION_COOKIE, { path: "/" }).status(204).send(null),
  );

  app.get(
    "/me",
    {
      config: { role: "viewer" },
      schema: { tags: ["auth"], summary: "The signed-in staff user", response: { 200: staffSchema } },
    },
    async (request) => request.staff,
  );
}
