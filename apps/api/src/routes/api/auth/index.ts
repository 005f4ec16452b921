import { AppError } from "@baken/core";
import { authenticateStaff } from "@baken/services";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { signInAttempts } from "../../../lib/sign-in-attempts.ts";
import { SESSION_COOKIE } from "../../../plugins/app/auth.ts";

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
  const attempts = signInAttempts(redis, config.redis.prefix, perMinute, FAILURE_WINDOW_SECONDS);

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
      // Per account: a password-guessing run is stopped even when it hops between addresses.
      if (!(await attempts.reserve(email))) {
        throw new AppError("rate_limited", "Too many failed sign-ins for this account; try again in 15 minutes");
      }
      let session;
      try {
        session = await authenticateStaff(app.ctx, { email, password, ip: request.ip });
      } catch (err) {
        // A wrong password keeps its reservation: that is the failure count.
        if (!(err instanceof AppError && err.code === "unauthorized")) await attempts.release(email);
        throw err;
      }
      await attempts.clear(email);
      const { staff, sessionEpoch } = session;
      const token = await reply.jwtSign({ sub: staff.id, role: staff.role, epoch: sessionEpoch });
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
