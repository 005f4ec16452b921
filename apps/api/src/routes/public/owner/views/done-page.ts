import type { OwnerView } from "@baken/services";
import { html, page, type Lang } from "../../../../lib/html.ts";
import { formatDateTime } from "../format.ts";
import { OWNER_TEXTS } from "../i18n/index.ts";
import { contactBlock } from "./contact-block.ts";
import { helpBox, needsHelp } from "./help-box.ts";
import { hostsList } from "./hosts-list.ts";
import type { Cert } from "./types.ts";

/** After the owner answered: when, and where each host now stands. */
export function donePage(opts: {
  lang: Lang;
  view: OwnerView;
  cert: Cert;
  backHref: string;
  langHref: (l: Lang) => string;
}): string {
  const { lang, view, cert } = opts;
  const t = OWNER_TEXTS[lang];
  const last = view.hosts.reduce<Date | null>(
    (m, h) => (h.answeredAt && (!m || h.answeredAt > m) ? h.answeredAt : m),
    null,
  );
  const body = html`<h1>${t.done.title}</h1>
    <p class="notice">${last ? t.done.text(formatDateTime(t, last)) : ""}</p>
    <p><strong>${t.reference}${t.colon}</strong> ${view.link.reference}</p>
    ${needsHelp(view.hosts) ? helpBox(t, lang, view.link.reference) : ""}
    <h2>${t.done.current}</h2>
    ${hostsList(t, view.hosts)}
    <p><a class="button" href="${opts.backHref}">${t.done.back}</a></p>
    ${contactBlock(t, cert)}`;
  return page({ lang, title: t.done.title, body, langHref: opts.langHref, certName: cert.name });
}
