import { ANSWERS, COMPROMISE } from "@baken/core";
import { html, type Lang, type Safe } from "../../../../lib/html.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import { betterContactField, fieldError, formStart, invalidAttrs, value } from "./form-controls.ts";
import type { Form, Posted } from "./types.ts";

/** One answer for all the organization's hosts at once. */
export function allForm(t: OwnerTexts, action: string, form: Form, lang: Lang, count: number, posted?: Posted): Safe {
  const v = posted?.scope === "all" ? posted.values : undefined;
  const errors = posted?.scope === "all" ? posted.errors : undefined;
  return html`${formStart(action, "all", lang, form)}
    <fieldset>
      <legend><h3 style="margin:0">${t.all.heading}</h3></legend>
      <p class="hint">${t.all.hint(count)}</p>
      <fieldset
        id="all-answer"
        ${errors?.some((e) => e.field === "answer") ? html` aria-describedby="all-answer-error"` : ""}
      >
        <legend>${t.whatDidYouDo}</legend>
        ${fieldError(t, errors, "answer", "all-answer")}
        ${ANSWERS.map((a) => html`<label class="choice"><input type="radio" name="answer" value="${a}" id="all-answer-${a}" ${value(v, "answer") === a ? html` checked` : ""} /> ${t.answers[a]}</label>`)}
      </fieldset>
      <fieldset id="all-compromise">
        <legend>${t.compromiseQuestion}</legend>
        <p class="hint">${t.compromiseHint}</p>
        ${fieldError(t, errors, "compromise", "all-compromise")}
        ${COMPROMISE.map((c) => html`<label class="choice"><input type="radio" name="compromise" value="${c}" ${value(v, "compromise") === c ? html` checked` : ""} /> ${t.compromise[c]}</label>`)}
      </fieldset>
      <label for="all-comment">${t.comment}<span class="hint">${t.commentHint}</span></label>
      ${fieldError(t, errors, "comment", "all-comment")}
      <textarea id="all-comment" name="comment" maxlength="2000" ${invalidAttrs(errors, "comment", "all-comment")}>${value(v, "comment")}</textarea>
      ${betterContactField(t, v, errors, "all-contact")}
      <p><button type="submit">${t.all.submit(count)}</button></p>
    </fieldset>
  </form>`;
}
