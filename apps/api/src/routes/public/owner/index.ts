import { AppError, checkFormToken, issueFormToken, parseOwnerForm } from "@baken/core";
import { getOwnerView, openOwnerLink, recordOwnerReplies } from "@baken/services";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { LANGS, pickLanguage, type Lang } from "../../../lib/html.ts";
import { donePage, ownerPage, problemPage, type Cert, type Posted } from "./views/index.ts";

/** A rendered page may be posted back for this long; after that the owner reloads it (nothing is lost but a click). */
const FORM_MAX_AGE_SECONDS = 12 * 3600;

const params = z.object({ token: z.string() });
const query = z.object({ lang: z.string().optional() });
const htmlPage = z.string().describe("an HTML page");
// Any flat form: the fields are read (and refused with a translated message) by parseOwnerForm.
const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())])).default({});

const str = (v: unknown) => (typeof v === "string" ? v : undefined);
const isLang = (v: unknown): v is Lang => typeof v === "string" && (LANGS as readonly string[]).includes(v);

/**
 * The notified owner's page at /r/<token>: the campaign, the advice and that organization's hosts, and forms
 * to answer per host or for all at once. Plain HTML forms, no script, nothing from another origin; the
 * link token is the only credential, so unknown, expired and revoked links all get the same 404 page
 * after the same work.
 */
export default async function ownerRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.ctx;
  const cert: Cert = { ...config.cert, email: config.mail.replyTo };
  const secret = config.notices.tokenSecret;
  const rateLimit = { max: config.notices.ownerPageRatePerMinute, timeWindow: "1 minute" };

  const pageHref = (token: string, lang: Lang, suffix = "") => `/r/${encodeURIComponent(token)}${suffix}?lang=${lang}`;
  const send = (reply: FastifyReply, status: number, body: string) =>
    reply
      .status(status)
      .header("cache-control", "no-store")
      .header("x-robots-tag", "noindex, nofollow")
      .type("text/html; charset=utf-8")
      .send(body);
  const requestLang = (request: FastifyRequest) =>
    pickLanguage(str((request.query as Record<string, unknown> | undefined)?.lang), request.headers["accept-language"]);
  // The language links are relative ("?lang=fr"), so the page is the same whatever the link was.
  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    send(
      reply,
      404,
      problemPage({ lang: requestLang(request), cert, problem: (t) => t.invalid, langHref: (l) => `?lang=${l}` }),
    );
  // The form token is bound to the link: a form rendered for one link cannot be posted to another.
  const newForm = (token: string) => ({ token: issueFormToken(secret, { purpose: "owner-form", subject: token }) });
  const routeOptions = (summary: string, response: Record<number, z.ZodType>, body?: z.ZodType) => ({
    config: { rateLimit },
    schema: { tags: ["public"], summary, security: [], params, querystring: query, ...(body && { body }), response },
  });
  /** The link's owner and page language, or null after the invalid-link page was sent. */
  const openLink = async (token: string, chosenLang: unknown) => {
    const link = await openOwnerLink(app.ctx, { token });
    return link ? { link, lang: isLang(chosenLang) ? chosenLang : link.language } : null;
  };
  type Opened = NonNullable<Awaited<ReturnType<typeof openLink>>>;
  const showPage = async (reply: FastifyReply, status: 200 | 400, token: string, opened: Opened, posted?: Posted) => {
    const { link, lang } = opened;
    const view = await getOwnerView(app.ctx, link);
    const langHref = (l: Lang) => pageHref(token, l);
    return send(
      reply,
      status,
      ownerPage({ lang, view, cert, action: pageHref(token, lang), langHref, form: newForm(token), posted }),
    );
  };
  /** A refused post: a page saying why, with a way back to a fresh form. */
  const refuse = (reply: FastifyReply, token: string, lang: Lang, problem: "formExpired" | "foreignHosts") =>
    send(
      reply,
      403,
      problemPage({
        lang,
        cert,
        problem: (t) => t[problem],
        link: {
          href: pageHref(token, lang),
          label: (t) => (problem === "formExpired" ? t.formExpired.reload : t.foreignHosts.back),
        },
      }),
    );

  app.setErrorHandler((err: { statusCode?: number }, request, reply) => {
    const status =
      err instanceof AppError
        ? 400
        : err.statusCode && err.statusCode >= 400 && err.statusCode < 500
          ? err.statusCode
          : 500;
    if (status === 500) request.log.error({ err }, "owner page failed");
    return send(
      reply,
      status,
      problemPage({ lang: requestLang(request), cert, problem: (t) => (status === 429 ? t.tooMany : t.failed) }),
    );
  });

  // /r, /r/<a token too long for a route parameter>, /r/<token>/<anything else>: the same page, after the same work.
  app.setNotFoundHandler({ preHandler: app.rateLimit(rateLimit) }, async (request, reply) => {
    await openOwnerLink(app.ctx, { token: request.url.split("?")[0]!.replace(/^\/r\/?/, "") });
    return invalidLink(request, reply);
  });

  app.get(
    "/:token",
    routeOptions("The notified owner's page (HTML)", { 200: htmlPage, 404: htmlPage }),
    async (request, reply) => {
      const { token } = request.params;
      const opened = await openLink(token, request.query.lang);
      return opened ? showPage(reply, 200, token, opened) : invalidLink(request, reply);
    },
  );

  app.post(
    "/:token",
    routeOptions(
      "The owner's answers (a plain form post); redirects to the confirmation",
      { 303: z.null().describe("to /r/<token>/done"), 400: htmlPage, 403: htmlPage, 404: htmlPage },
      formBody,
    ),
    async (request, reply) => {
      const { token } = request.params;
      const body = request.body as z.infer<typeof formBody>;
      const opened = await openLink(token, str(body.lang) ?? request.query.lang);
      // Checked whatever the link, so a bad link costs the same as a good one.
      const formCheck = checkFormToken(secret, str(body.formToken), {
        purpose: "owner-form",
        subject: token,
        minSeconds: 0,
        maxSeconds: FORM_MAX_AGE_SECONDS,
      });
      if (!opened) return invalidLink(request, reply);
      const { link, lang } = opened;
      if (formCheck.status !== "ok") return refuse(reply, token, lang, "formExpired");
      const parsed = parseOwnerForm(body);
      if (!parsed.ok) {
        const scope = body.scope === "all" ? ("all" as const) : ("hosts" as const);
        return showPage(reply, 400, token, opened, { scope, values: body, errors: parsed.errors });
      }
      try {
        await recordOwnerReplies(app.ctx, { id: null, ip: request.ip }, { link, form: parsed.form });
      } catch (err) {
        if (!(err instanceof AppError && err.code === "forbidden")) throw err;
        return refuse(reply, token, lang, "foreignHosts");
      }
      return reply.redirect(pageHref(token, lang, "/done"), 303);
    },
  );

  app.get(
    "/:token/done",
    routeOptions("Confirmation after the owner answered (HTML)", { 200: htmlPage, 404: htmlPage }),
    async (request, reply) => {
      const { token } = request.params;
      const opened = await openLink(token, request.query.lang);
      if (!opened) return invalidLink(request, reply);
      const { link, lang } = opened;
      const view = await getOwnerView(app.ctx, link);
      const langHref = (l: Lang) => pageHref(token, l, "/done");
      return send(reply, 200, donePage({ lang, view, cert, backHref: pageHref(token, lang), langHref }));
    },
  );
}
