import type { Config } from "@baken/config";
import { html, page, type Lang } from "../../../lib/html.ts";
import { reportLangHref, telHref, unbroken } from "./form-page/index.ts";
import { formTexts } from "./i18n/index.ts";

/** The page a reporter lands on after sending: the reference, what happens next, and the phone number. */
export function renderThanks(
  opts: { lang: Lang; reference: string; langHref: (l: Lang) => string },
  config: Config,
): string {
  const t = formTexts[opts.lang];
  const phone = config.cert.phone;
  const body = html`<h1>${t.thanks.title}</h1>
    <div class="notice" role="status">
      <p>
        ${t.thanks.referenceLabel}
        <strong class="reference" style="font-size:1.4rem;white-space:nowrap">${opts.reference}</strong>
      </p>
      <p>${t.thanks.keepIt}</p>
    </div>
    <h2>${t.thanks.nextTitle}</h2>
    <ol>
      ${t.thanks.next(unbroken(phone)).map((line) => html`<li>${line}</li>`)}
    </ol>
    <p><a href="${telHref(phone)}" style="white-space:nowrap">${phone}</a></p>
    <p><a class="button" href="${reportLangHref(opts.lang)}">${t.thanks.another}</a></p>`;
  return page({ lang: opts.lang, title: t.thanks.title, body, certName: config.cert.name, langHref: opts.langHref });
}

/** A page that explains why the form could not be taken, with the phone number and a way back. */
export function renderMessage(opts: { lang: Lang; title: string; message: string }, config: Config): string {
  const t = formTexts[opts.lang];
  const body = html`<h1>${opts.title}</h1>
    <div class="errors" role="alert"><p>${opts.message}</p></div>
    <p><a href="${telHref(config.cert.phone)}" style="white-space:nowrap">${config.cert.phone}</a></p>
    <p><a href="${reportLangHref(opts.lang)}">${t.abuse.backToForm}</a></p>`;
  return page({
    lang: opts.lang,
    title: opts.title,
    body,
    certName: config.cert.name,
    langHref: (l) => reportLangHref(l),
  });
}
