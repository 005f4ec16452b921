import { AppError, type ErrorDetail } from "@baken/core";
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { pickLanguage } from "../../../lib/html.ts";
import formRoutes from "./form.ts";
import { unbroken } from "./form-page/index.ts";
import { formTexts } from "./i18n/index.ts";
import { HTML } from "./page-reply.ts";
import { renderMessage } from "./result-pages.ts";
import thanksRoutes from "./thanks.ts";

/**
 * Everything under /report, the public incident-report form: the form (form.ts) and the confirmation page
 * (thanks.ts). Multipart is accepted only in this scope, and errors here answer as pages in the reporter's
 * language rather than JSON.
 */
export default async function report(app: FastifyInstance) {
  const { config } = app.ctx;
  const { maxFiles, maxFileBytes } = config.reports;
  const phone = unbroken(config.cert.phone);

  await app.register(multipart, {
    // A file over the limit arrives cut and flagged, so the form can say which file and keep the rest.
    throwFileSizeLimit: false,
    // A few extra files are drained and reported as "too many"; beyond that the request is refused (413).
    limits: { fileSize: maxFileBytes, files: maxFiles + 5, fields: 60, fieldSize: 256 * 1024, parts: maxFiles + 70 },
  });

  app.setErrorHandler((err, request, reply) => {
    const query = (request.query ?? {}) as { lang?: unknown };
    const lang = pickLanguage(
      typeof query.lang === "string" ? query.lang : undefined,
      request.headers["accept-language"],
    );
    const t = formTexts[lang];
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    const show = (code: number, title: string, message: string) =>
      reply.status(code).type(HTML).send(renderMessage({ lang, title, message }, config));
    // The server shutting down while the form was still arriving (plugins/app/shutdown.ts): nothing stored.
    if (err instanceof AppError && err.code === "unavailable") return show(503, t.failure.title, t.failure.body(phone));
    // A NUL in a field (plugins/app/refuse-nul.ts).
    if (err instanceof AppError && err.code === "validation") {
      const name = (err.details as ErrorDetail[] | undefined)?.[0]?.field?.replace(/^\w+\./, "") ?? "";
      const label = (t.fields as Record<string, { label?: unknown } | undefined>)[name]?.label;
      return show(400, t.failure.title, t.failure.badCharacter(typeof label === "string" ? label : name));
    }
    if (status === 429) return show(429, t.abuse.title, t.abuse.rateLimited(phone));
    if (status === 413) return show(413, t.abuse.title, t.abuse.tooLarge);
    if (status >= 400 && status < 500) {
      request.log.info({ err: (err as Error).message }, "report form request refused");
      return show(status, t.failure.title, t.failure.badRequest);
    }
    request.log.error({ err }, "report form failed");
    return show(500, t.failure.title, t.failure.body(phone));
  });
  await app.register(formRoutes);
  await app.register(thanksRoutes);
}
