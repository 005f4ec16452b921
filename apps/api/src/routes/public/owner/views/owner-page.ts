import type { OwnerView } from "@baken/services";
import { html, page, type Lang } from "../../../../lib/html.ts";
import { adviceIn, formatDate, formatDateTime, tlpLabel } from "../format.ts";
import { OWNER_TEXTS, type Tlp } from "../i18n/index.ts";
import { aboutSection } from "./about-section.ts";
import { answerSection } from "./answer-section.ts";
import { contactBlock } from "./contact-block.ts";
import { errorList } from "./error-list.ts";
import { helpBox, needsHelp } from "./help-box.ts";
import { hostsList } from "./hosts-list.ts";
import type { Cert, Form, Posted } from "./types.ts";

/** The owner's page: the campaign, what to do about it, the organization's hosts and the forms to answer. */
export function ownerPage(opts: {
  lang: Lang;
  view: OwnerView;
  cert: Cert;
  action: string;
  langHref: (l: Lang) => string;
  form: Form;
  posted?: Posted;
}): string {
  const { lang, view, cert, posted } = opts;
  const t = OWNER_TEXTS[lang];
  const { campaign, hosts, link } = view;
  const advice = adviceIn(
    campaign.advice,
    lang,
    campaign.compromiseSince ? formatDate(t, campaign.compromiseSince) : null,
  );
  const body = html`${posted ? errorList(t, posted.errors, hosts, posted.scope) : ""}
    <h1>${campaign.name}</h1>
    <p class="notice">${t.intro(view.organization.name)}</p>
    <p>
      <strong>${t.reference}${t.colon}</strong> ${link.reference}<br />
      <strong>${t.tlp}${t.colon}</strong> ${tlpLabel(campaign.tlp)} – ${t.tlpMeaning[campaign.tlp as Tlp]}
      ${campaign.cves.length ? html`<br /><strong>${t.cves}${t.colon}</strong> ${campaign.cves.join(", ")}` : ""}
    </p>
    <p class="hint">${t.validUntil(formatDateTime(t, link.expiresAt))}</p>
    ${needsHelp(hosts) ? helpBox(t, lang, link.reference) : ""}
    ${aboutSection(t, campaign, advice)}
    <section aria-labelledby="hosts">
      <h2 id="hosts">${t.hosts.heading(hosts.length)}</h2>
      ${hostsList(t, hosts)}
    </section>
    ${answerSection(t, opts, hosts)}
    ${contactBlock(t, cert)}`;
  return page({
    lang,
    title: posted ? `${t.errors.summary} ${campaign.name}` : campaign.name,
    body,
    langHref: opts.langHref,
    certName: cert.name,
  });
}
