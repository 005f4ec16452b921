import { ANSWERS, COMPROMISE } from "@baken/core";
import { html, type Lang, type Safe } from "../../../../lib/html.ts";
import { hostLabel } from "../format.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import { betterContactField, fieldError, formStart, invalidAttrs, value } from "./form-controls.ts";
import { statusOf } from "./host-status.ts";
import type { Form, Host, Posted } from "./types.ts";

/** An answer per host. */
export function hostsForm(t: OwnerTexts, action: string, form: Form, lang: Lang, hosts: Host[], posted?: Posted): Safe {
  const v = posted?.scope === "hosts" ? posted.values : undefined;
  const errors = posted?.scope === "hosts" ? posted.errors : undefined;
  const select = (name: string, options: Safe[]) =>
    html`<select id="${name}" name="${name}" ${invalidAttrs(errors, name, name)}>
      ${options}
    </select>`;
  const option = (val: string, label: string, chosen: string) =>
    html`<option value="${val}" ${val === chosen ? html` selected` : ""}>${label}</option>`;
  return html`${formStart(action, "hosts", lang, form)}
    <fieldset>
      <legend><h3 style="margin:0">${t.perHost.heading}</h3></legend>
      <p class="hint">${t.perHost.hint}</p>
      ${fieldError(t, errors, "answer", "hosts-answer")}
      ${hosts.map((h) => {
        const label = hostLabel(h);
        return html`<fieldset class="host">
          <legend>${label}${h.hostname && h.ip ? ` (${h.hostname})` : ""}</legend>
          <p class="hint">${statusOf(t, h)}</p>
          <label for="answer-${h.id}">${t.perHost.answer}</label
          >${fieldError(t, errors, `answer-${h.id}`, `answer-${h.id}`)}
          ${select(`answer-${h.id}`, [option("", t.perHost.noChange, value(v, `answer-${h.id}`)), ...ANSWERS.map((a) => option(a, t.answers[a], value(v, `answer-${h.id}`)))])}
          <label for="compromise-${h.id}">${t.perHost.compromise}</label
          >${fieldError(t, errors, `compromise-${h.id}`, `compromise-${h.id}`)}
          ${select(`compromise-${h.id}`, [option("", "–", value(v, `compromise-${h.id}`)), ...COMPROMISE.map((c) => option(c, t.compromise[c], value(v, `compromise-${h.id}`)))])}
          <label for="comment-${h.id}">${t.perHost.comment}</label
          >${fieldError(t, errors, `comment-${h.id}`, `comment-${h.id}`)}
          <input
            type="text"
            id="comment-${h.id}"
            name="comment-${h.id}"
            maxlength="2000"
            value="${value(v, `comment-${h.id}`)}"
            ${invalidAttrs(errors, `comment-${h.id}`, `comment-${h.id}`)}
          />
        </fieldset>`;
      })}
      ${betterContactField(t, v, errors, "hosts-contact")}
      <p><button type="submit">${t.perHost.submit}</button></p>
    </fieldset>
  </form>`;
}
