import { html, type Safe } from "../../../../lib/html.ts";
import type { FormTexts } from "../i18n/index.ts";
import { telHref } from "./links.ts";

/** Before the form: what to do now when the incident is going on, and the number to call. */
export function urgentSection(t: FormTexts, phone: string): Safe {
  return html`<section class="urgent" aria-labelledby="urgent-title">
      <h2 id="urgent-title">${t.urgent.title}</h2>
      <p>${t.urgent.lead}</p>
      <ol>
        ${t.urgent.steps.map((s) => html`<li>${s}</li>`)}
      </ol>
      <p>
        <strong>${t.urgent.call} <a href="${telHref(phone)}" style="white-space:nowrap">${phone}</a></strong>
      </p>
      <p>${t.urgent.danger}</p>
    </section>`;
}
