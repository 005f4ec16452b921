import { checkThanksKey, REPORT_REFERENCE_PATTERN } from "@baken/core";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pickLanguage } from "../../../lib/html.ts";
import { formTexts } from "./i18n/index.ts";
import { HTML, langQuery } from "./page-reply.ts";
import { renderMessage, renderThanks } from "./result-pages.ts";

/** The confirmation page a sent report redirects to; the key in its link proves who sent it. */
export default async function thanksRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.ctx;
  const { formSecret } = config.reports;

  app.get(
    "/thanks/:reference",
    {
      schema: {
        tags: ["public"],
        summary: "Confirmation page of a sent report (the key in the link proves it was this browser that sent it)",
        params: z.object({ reference: z.string().max(40) }),
        querystring: langQuery.extend({ k: z.string().max(100).optional() }),
        response: { 200: z.string(), 404: z.string() },
      },
    },
    async (request, reply) => {
      const { reference } = request.params;
      const lang = pickLanguage(request.query.lang, request.headers["accept-language"]);
      reply.header("cache-control", "no-store").type(HTML);
      if (!REPORT_REFERENCE_PATTERN.test(reference) || !checkThanksKey(formSecret, reference, request.query.k)) {
        const t = formTexts[lang];
        return reply
          .status(404)
          .send(renderMessage({ lang, title: t.failure.title, message: t.failure.notFound }, config));
      }
      const key = request.query.k!;
      return reply.send(
        renderThanks(
          { lang, reference, langHref: (l) => `/report/thanks/${reference}?k=${encodeURIComponent(key)}&lang=${l}` },
          config,
        ),
      );
    },
  );
}
