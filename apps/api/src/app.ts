import type { Config } from "@baken/config";
import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { randomUUID } from "node:crypto";
import { createAppContext, type AppContext } from "./lib/context.ts";
import { loggerOptions } from "./lib/logger.ts";
import contextPlugin from "./plugins/app/context.ts";
import errorHandler from "./plugins/app/error-handler.ts";
import errorSchemas from "./plugins/app/error-schemas.ts";
import matcherRefresh from "./plugins/app/matcher-refresh.ts";
import refuseNul from "./plugins/app/refuse-nul.ts";
import shutdown from "./plugins/app/shutdown.ts";
import security from "./plugins/external/security.ts";
import swagger from "./plugins/external/swagger.ts";
import consoleRoutes from "./routes/console.ts";
import healthRoutes from "./routes/health.ts";
import staffApi from "./routes/api/index.ts";
import publicPages from "./routes/public/index.ts";

export type BuildOptions = {
  config: Config;
  context?: AppContext;
  logger?: FastifyServerOptions["logger"];
  /** The console's build (default apps/web/dist); tests point it elsewhere. */
  consoleDir?: string;
};

/**
 * The whole HTTP application as a Fastify instance, not yet listening: server.ts listens, tests inject.
 * Load order: external plugins, then Baken's own plugins, then routes.
 */
export async function buildApp({ config, context, logger, consoleDir }: BuildOptions) {
  const app = Fastify({
    logger: logger ?? loggerOptions(config),
    trustProxy: config.http.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: "x-request-id",
    genReqId: () => randomUUID(),
    ajv: { customOptions: { coerceTypes: "array" } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(contextPlugin, { context: context ?? createAppContext(config), ownsContext: !context });
  await app.register(errorHandler);
  await app.register(errorSchemas);
  await app.register(refuseNul);
  await app.register(shutdown);
  await app.register(matcherRefresh);
  await app.register(security);
  await app.register(swagger);

  await app.register(healthRoutes);
  await app.register(staffApi, { prefix: "/api" });
  await app.register(publicPages);
  await app.register(consoleRoutes, { root: consoleDir });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
