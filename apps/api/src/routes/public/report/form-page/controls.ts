import { REPORT_LIMITS, reportVocabulary, type ReportField } from "@baken/core";
import { html, type Safe } from "../../../../lib/html.ts";
import { formTexts } from "../i18n/index.ts";
import { problemMessage } from "../messages.ts";
import type { FormState } from "./form-state.ts";

// The form's controls, bound to one rendering's language, values and problems: every control has a label,
// hints and errors are tied to it with aria-describedby, and an invalid one says so.

export type Controls = ReturnType<typeof formControls>;

export function formControls(state: FormState) {
  const { lang, values, problems } = state;
  const t = formTexts[lang];
  const v = reportVocabulary(lang);
  const f = t.fields;
  const val = (name: string) => values[name]?.[0] ?? "";
  const has = (name: string, value: string) => (values[name] ?? []).includes(value);
  const problemOf = (field: ReportField) => problems.find((p) => p.field === field);
  const problemsOf = (field: ReportField) => problems.filter((p) => p.field === field);
  const id = (field: string) => `f-${field}`;

  const requiredMark = html` <span class="hint" style="display:inline">(${t.required})</span>`;
  const hintOf = (field: string, hint: string | Safe | undefined) =>
    hint ? html`<span class="hint" id="${id(field)}-hint">${hint}</span>` : "";
  const errorOf = (field: ReportField) => {
    const list = problemsOf(field);
    return list.length
      ? html`<p class="error" id="${id(field)}-error">
          <span class="visually-hidden">${t.errors.inlinePrefix}</span> ${list
            .map((p) => problemMessage(t, p))
            .join(" · ")}
        </p>`
      : "";
  };
  // Attributes written only when they say something: aria-describedby="" or aria-invalid="false" is noise.
  const describedBy = (field: ReportField, hasHint: boolean) => {
    const ids = [hasHint ? `${id(field)}-hint` : "", problemOf(field) ? `${id(field)}-error` : ""].filter(Boolean);
    return ids.length ? html` aria-describedby="${ids.join(" ")}"` : "";
  };
  const invalid = (field: ReportField) => (problemOf(field) ? html` aria-invalid="true"` : "");

  function input(
    field: ReportField,
    opts: {
      type?: string;
      required?: boolean;
      autocomplete?: string;
      inputmode?: string;
      max?: number;
      value?: string;
    } = {},
  ) {
    const meta = f[field as "name"];
    return html`<div class="field">
      <label for="${id(field)}">${meta.label}${opts.required ? requiredMark : ""}</label>
      ${hintOf(field, meta.hint)}${errorOf(field)}
      <input
        type="${opts.type ?? "text"}"
        id="${id(field)}"
        name="${field}"
        value="${opts.value ?? val(field)}"
        ${
          opts.max ? html` maxlength="${opts.max}"` : ""
        }${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ""}${
          opts.inputmode ? html` inputmode="${opts.inputmode}"` : ""
        }${describedBy(field, !!meta.hint)}${invalid(field)}
      />
    </div>`;
  }

  function textarea(field: ReportField, opts: { required?: boolean; rows?: number } = {}) {
    const meta = f[field as "description"];
    return html`<div class="field">
      <label for="${id(field)}">${meta.label}${opts.required ? requiredMark : ""}</label>
      ${hintOf(field, meta.hint)}${errorOf(field)}
      <textarea
        id="${id(field)}"
        name="${field}"
        rows="${opts.rows ?? 5}"
        maxlength="${REPORT_LIMITS[field as keyof typeof REPORT_LIMITS]}"
        ${describedBy(field, !!meta.hint)}${invalid(field)}
      >${val(field)}</textarea>
    </div>`;
  }

  function group(
    field: ReportField,
    type: "radio" | "checkbox",
    options: { value: string; label: string; hint?: string }[],
    opts: { required?: boolean; checked?: string } = {},
  ) {
    const meta = f[field as "impact"];
    return html`<fieldset id="${id(field)}-group" ${describedBy(field, !!meta.hint)}>
      <legend>${meta.label}${opts.required ? requiredMark : ""}</legend>
      ${hintOf(field, meta.hint)}${errorOf(field)}
      ${options.map((o, i) => {
        const checked = has(field, o.value) || (!values[field]?.length && opts.checked === o.value);
        return html`<label class="choice"
          ><input
            type="${type}"
            id="${i === 0 ? id(field) : `${id(field)}-${o.value}`}"
            name="${field}"
            value="${o.value}"
            ${checked ? html` checked` : ""}${invalid(field)}
          /><span>${o.label}${o.hint ? html`<span class="hint">${o.hint}</span>` : ""}</span></label
        >`;
      })}
    </fieldset>`;
  }

  return { t, v, f, val, has, id, requiredMark, hintOf, errorOf, describedBy, invalid, input, textarea, group };
}
