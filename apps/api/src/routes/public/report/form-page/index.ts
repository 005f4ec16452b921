import type { Config } from "@baken/config";
import { html, page } from "../../../../lib/html.ts";
import { formControls } from "./controls.ts";
import { detailsSection } from "./details-section.ts";
import { errorSummary } from "./error-summary.ts";
import { filesSection } from "./files-section.ts";
import type { FormState } from "./form-state.ts";
import { reportLangHref } from "./links.ts";
import { sharingSection } from "./sharing-section.ts";
import { urgentSection } from "./urgent-section.ts";
import { whatSection } from "./what-section.ts";
import { youSection } from "./you-section.ts";

// The report form. Plain HTML that works without JavaScript: every group of choices is a fieldset with a
// legend, every field has a label, hints and errors are tied to their field with aria-describedby, and
// errors are listed first in a focused summary whose links lead to the fields. One partial per section.

export type { FormState } from "./form-state.ts";
export { reportLangHref, telHref, unbroken } from "./links.ts";

export function renderReportForm(state: FormState, config: Config): string {
  const { lang, problems } = state;
  const fields = formControls(state);
  const { t } = fields;
  const ref = fields.val("noticeReference");

  const body = html`<h1>${t.title}</h1>
    ${errorSummary(fields, state)}
    <p>${t.intro}</p>
    ${urgentSection(t, config.cert.phone)}
    <form method="post" action="/report?lang=${lang}" enctype="multipart/form-data" accept-charset="utf-8" novalidate>
      <input type="hidden" name="token" value="${state.token}" />
      <input type="hidden" name="lang" value="${lang}" />
      <p>${t.requiredNote}</p>

      ${youSection(fields)}

      ${whatSection(fields)}

      ${detailsSection(fields)}
      ${filesSection(fields, config.reports)}

      ${sharingSection(fields, config.cert)}
      <div class="hp" aria-hidden="true">
        <label for="f-website">${t.honeypot}</label
        ><input type="text" id="f-website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <p><button type="submit">${t.submit}</button></p>
    </form>`;

  return page({
    lang,
    title: problems.length || state.banner ? `${t.errors.titlePrefix}: ${t.title}` : t.title,
    body,
    certName: config.cert.name,
    langHref: (l) => reportLangHref(l, ref || undefined),
  });
}
