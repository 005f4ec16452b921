import { databaseAnswers } from "@baken/db";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);

export default async function healthRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/healthz",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["health"],
        summary: "The process is up",
        response: { 200: z.object({ status: z.literal("ok") }) },
      },
    },
    async () => ({ status: "ok" as const }),
  );

  const check = z.enum(["ok", "down"]);
  app.get(
    "/readyz",
    {
      config: { rateLimit: false },
      schema: {
        tags: ["health"],
        summary: "PostgreSQL and Redis answer (503 when either does not)",
        response: {
          200: z.object({ status: z.literal("ok"), postgres: check, redis: check }),
          503: z.object({ status: z.literal("unavailable"), postgres: check, redis: check }),
        },
      },
    },
    async (_request, reply) => {
      const [postgres, redis] = await Promise.all([
        databaseAnswers(app.ctx.db, 2000).then((ok) => (ok ? ("ok" as const) : ("down" as const))),
        withTimeout(app.ctx.redis.ping(), 2000).then(
          () => "ok" as const,
          () => "down" as const,
        ),
      ]);
      if (postgres === "ok" && redis === "ok") return { status: "ok" as const, postgres, redis };
      return reply.status(503).send({ status: "unavailable" as const, postgres, redis });
    },
  );
}
