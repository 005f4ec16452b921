import type { OwnerView } from "@baken/services";
import { html, type Safe } from "../../../../lib/html.ts";
import { formatDate, type AdviceView } from "../format.ts";
import type { OwnerTexts } from "../i18n/index.ts";

/** What the campaign is about: the advice in the page's language (or the description), steps, links. */
export function aboutSection(t: OwnerTexts, campaign: OwnerView["campaign"], advice: AdviceView | null): Safe {
  return html`<section aria-labelledby="about">
      <h2 id="about">${t.about}</h2>
      ${advice?.summary.length ? advice.summary.map((p) => html`<p>${p}</p>`) : campaign.description ? html`<p>${campaign.description}</p>` : html`<p>${t.noAdvice}</p>`}
      ${
        advice?.actions.length
          ? html`<h3>${t.whatToDo}</h3>
              <ol>
                ${advice.actions.map((a) => html`<li>${a}</li>`)}
              </ol>`
          : ""
      }
      ${advice?.compromiseCheck || campaign.compromiseSince ? html`<h3>${t.compromiseCheck}</h3>` : ""}
      ${campaign.compromiseSince ? html`<p>${t.compromiseSince(formatDate(t, campaign.compromiseSince))}</p>` : ""}
      ${advice?.compromiseCheck ? html`<p>${advice.compromiseCheck}</p>` : ""}
      ${
        advice?.links.length
          ? html`<h3>${t.moreInfo}</h3>
              <ul>
                ${advice.links.map((l) => html`<li><a href="${l.url}" rel="noreferrer noopener">${l.label}</a></li>`)}
              </ul>`
          : ""
      }
    </section>`;
}
