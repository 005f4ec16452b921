import {
  checkFormToken,
  issueFormToken,
  REPORT_LIMITS,
  thanksKey,
  validateReport,
  type FieldProblem,
  type ReportField,
} from "@baken/core";
import { submitReport } from "@baken/services";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pickLanguage, type Lang } from "../../../lib/html.ts";
import { checkFiles } from "./attachments.ts";
import { renderReportForm, unbroken, type FormState } from "./form-page/index.ts";
import { formTexts } from "./i18n/index.ts";
import { readSubmission } from "./read-submission.ts";
import { HTML, langQuery } from "./page-reply.ts";

/** A form left open longer than this is refused as expired (the reporter's answers are shown again). */
const FORM_MAX_AGE_SECONDS = 24 * 3600;

/** Problems are listed in the order of the form, so the summary reads top to bottom. */
const FORM_ORDER: ReportField[] = [
  "reporterKind",
  "name",
  "email",
  "phone",
  "organization",
  "role",
  "relation",
  "rsitClass",
  "rsitType",
  "startedAt",
  "detectedAt",
  "ongoing",
  "description",
  "affectedSystems",
  "impact",
  "indicators",
  "actionsTaken",
  "othersInformed",
  "expectations",
  "noticeReference",
  "attachments",
  "tlp",
  "consent",
];
const byFormOrder = (a: FieldProblem, b: FieldProblem) => FORM_ORDER.indexOf(a.field) - FORM_ORDER.indexOf(b.field);

/** The form itself: GET shows it, POST takes it (303 to the confirmation page, see thanks.ts). */
export default async function formRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { config } = app.ctx;
  const { maxFiles, maxFileBytes, minFillSeconds, ratePerHour, formSecret } = config.reports;
  const phone = unbroken(config.cert.phone);

  const showForm = (reply: FastifyReply, status: number, state: Omit<FormState, "token">) =>
    reply
      .status(status)
      .type(HTML)
      .header("cache-control", "no-store")
      .header("vary", "accept-language")
      .send(renderReportForm({ ...state, token: issueFormToken(formSecret, { purpose: "report-form" }) }, config));

  const thanksUrl = (reference: string, lang: Lang) =>
    `/report/thanks/${reference}?k=${thanksKey(formSecret, reference)}&lang=${lang}`;

  app.get(
    "/",
    {
      schema: {
        tags: ["public"],
        summary: "The incident-report form (HTML); ?ref= pre-fills the reference of a Baken notice",
        querystring: langQuery.extend({ ref: z.string().optional() }),
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const lang = pickLanguage(request.query.lang, request.headers["accept-language"]);
      const ref = request.query.ref?.trim().slice(0, REPORT_LIMITS.noticeReference);
      return showForm(reply, 200, { lang, values: ref ? { noticeReference: [ref] } : {}, problems: [] });
    },
  );

  app.post(
    "/",
    {
      config: { rateLimit: { max: ratePerHour, timeWindow: "1 hour" } },
      schema: {
        tags: ["public"],
        summary: "Sends a report (multipart/form-data, or urlencoded without files); 303 to its confirmation page",
        querystring: langQuery,
        // Multipart bodies are read as a stream by the handler (fastify sees null); urlencoded ones arrive parsed.
        body: z.record(z.string(), z.union([z.string(), z.array(z.string())])).nullish(),
        response: { 303: z.null(), 400: z.string() },
      },
    },
    async (request, reply) => {
      const { fields, files, extraFiles } = await readSubmission(request, maxFiles);
      const lang = pickLanguage(fields.lang?.[0] ?? request.query.lang, request.headers["accept-language"]);
      const t = formTexts[lang];
      const { website, token, lang: _lang, ...values } = fields;

      const validated = validateReport(values, { timeZone: config.cert.timeZone });
      const checkedFiles = checkFiles(files, extraFiles, { maxFiles, maxFileBytes });
      const problems = [...(validated.ok ? [] : validated.problems), ...checkedFiles.problems].sort(byFormOrder);
      const tokenCheck = checkFormToken(formSecret, token?.[0], {
        purpose: "report-form",
        minSeconds: minFillSeconds,
        maxSeconds: FORM_MAX_AGE_SECONDS,
      });
      const banner = website?.some((v) => v.trim())
        ? t.abuse.honeypot(phone)
        : tokenCheck.status === "too-fast"
          ? t.abuse.tooFast
          : tokenCheck.status === "expired"
            ? t.abuse.expired
            : tokenCheck.status === "invalid"
              ? t.abuse.invalid
              : undefined;
      if (banner || !validated.ok || problems.length > 0 || tokenCheck.status !== "ok") {
        return showForm(reply, 400, { lang, values, problems, banner, filesDropped: files.length > 0 });
      }

      const submitted = await submitReport(
        app.ctx,
        { id: null, ip: request.ip },
        { draft: validated.draft, language: lang, attachments: checkedFiles.accepted, formNonce: tokenCheck.nonce },
      );
      // Its token made another report already: answered as an expired form, with what was typed.
      if (submitted.formUsed) {
        return showForm(reply, 400, { lang, values, problems: [], banner: t.abuse.expired });
      }
      if (!submitted.confirmationQueued) {
        request.log.error(
          { reportId: submitted.id },
          "report stored; its confirmation mail could not be queued (the worker queues it when Redis is back)",
        );
      }
      return reply.redirect(thanksUrl(submitted.reference, lang), 303);
    },
  );
}
