import { html } from "../../../../lib/html.ts";
import { problemMessage } from "../messages.ts";
import type { Controls } from "./controls.ts";
import type { FormState } from "./form-state.ts";

/** Errors first, in a focused summary whose links lead to the fields; nothing when the form had none. */
export function errorSummary({ t, id }: Controls, state: FormState) {
  const { problems } = state;
  return problems.length > 0 || state.banner
    ? html`<div
          class="errors"
          role="alert"
          tabindex="-1"
          autofocus
          aria-labelledby="error-summary-title"
          id="error-summary"
        >
          <h2 id="error-summary-title">${state.banner ? t.abuse.title : t.errors.summaryTitle}</h2>
          ${state.banner ? html`<p>${state.banner}</p>` : ""}
          ${
            problems.length
              ? html`<ul>
                  ${problems.map((p) => html`<li><a href="#${id(p.field)}">${problemMessage(t, p)}</a></li>`)}
                </ul>`
              : ""
          }
          ${state.filesDropped ? html`<p>${t.errors.filesAgain}</p>` : ""}
        </div>`
    : "";
}
