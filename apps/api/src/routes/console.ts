import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Where `npm run build -w @baken/web` writes the console. */
export const WEB_DIST = fileURLToPath(new URL("../../../web/dist", import.meta.url));

export type ConsoleOptions = { root?: string };

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Console not built · Baken</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:10vh auto;padding:0 1rem">
<h1>Console not built</h1><p>The staff console has not been built in this checkout. Run</p>
<pre style="background:#f3f4f6;padding:.75rem">npm run build -w @baken/web</pre>
<p>and restart the API. The API itself works: see <a href="/docs">/docs</a>.</p></body></html>`;

/**
 * The staff console (apps/web's build) under /console, from the same origin as /api: the session cookie is
 * SameSite=Strict and CORS stays closed. Paths the build does not hold get index.html (the console routes
 * in the browser), except under /assets, where a miss is a real 404. Without a build, a page says how to
 * make one: the API (and its tests) never need the web build.
 */
export default async function consoleRoutes(fastify: FastifyInstance, options: ConsoleOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const root = options.root ?? WEB_DIST;
  const built = existsSync(`${root}/index.html`);

  app.get("/", { schema: { hide: true } }, (_request, reply) => reply.redirect("/console/"));
  app.get("/console", { schema: { hide: true } }, (_request, reply) => reply.redirect("/console/"));

  app.get(
    "/console/config.json",
    {
      schema: {
        tags: ["console"],
        summary: "What the console shows beside the API: links of this installation",
        response: { 200: z.object({ certName: z.string(), mailCatcherUrl: z.string().nullable() }) },
      },
    },
    async () => ({ certName: app.ctx.config.cert.name, mailCatcherUrl: app.ctx.config.console.mailCatcherUrl }),
  );

  if (!built) {
    app.log.warn({ root }, "the console is not built: /console explains how to build it");
    const notBuilt = (_request: unknown, reply: FastifyReply) =>
      reply.status(503).type("text/html; charset=utf-8").header("cache-control", "no-store").send(NOT_BUILT);
    app.get("/console/", { schema: { hide: true } }, notBuilt);
    app.get("/console/*", { schema: { hide: true } }, notBuilt);
    return;
  }

  // Its own scope, so its not-found handler (the SPA fallback) covers /console/* and nothing else.
  await app.register(
    async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix: "/",
        // Looked up per request, not listed at start: a rebuild while the API runs is served at once.
        wildcard: true,
        index: false,
        // Cache headers are set here, per kind of file, not by the static server's one-size default.
        cacheControl: false,
        setHeaders: (res, path) => {
          // Vite names assets by content hash: they never change. index.html must be asked for every time.
          res.setHeader(
            "cache-control",
            path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
          );
        },
      });
      const shell = (_request: unknown, reply: FastifyReply) =>
        reply.header("cache-control", "no-cache").sendFile("index.html");
      scope.get("/", { schema: { hide: true }, prefixTrailingSlash: "slash" }, shell);
      scope.setNotFoundHandler((request, reply) => {
        const path = request.url.split("?")[0] ?? "";
        if (request.method !== "GET" || path.startsWith("/console/assets/")) {
          return reply.status(404).send({ error: "not_found", message: `No such file: ${path}` });
        }
        return shell(request, reply);
      });
    },
    { prefix: "/console" },
  );
}
