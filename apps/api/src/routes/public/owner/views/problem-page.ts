import { html, page, type Lang } from "../../../../lib/html.ts";
import { OWNER_TEXTS, type OwnerTexts } from "../i18n/index.ts";
import { contactBlock } from "./contact-block.ts";
import type { Cert } from "./types.ts";

/** A page that says one thing (invalid link, expired form, ...) and how to reach the CERT. */
export function problemPage(opts: {
  lang: Lang;
  cert: Cert;
  problem: (t: OwnerTexts) => { title: string; text: string };
  link?: { href: string; label: (t: OwnerTexts) => string };
  langHref?: (l: Lang) => string;
}): string {
  const t = OWNER_TEXTS[opts.lang];
  const { title, text } = opts.problem(t);
  const body = html`<h1>${title}</h1>
    <p>${text}</p>
    ${opts.link ? html`<p><a class="button" href="${opts.link.href}">${opts.link.label(t)}</a></p>` : ""}
    ${contactBlock(t, opts.cert)}`;
  return page({ lang: opts.lang, title, body, langHref: opts.langHref, certName: opts.cert.name });
}
