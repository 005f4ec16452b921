import type { Config } from "@baken/config";
import {
  ATTACHMENT_EXTENSIONS,
  IMPACTS,
  OTHER_PARTIES,
  REPORT_LIMITS,
  REPORTER_KINDS,
  reportVocabulary,
  RSIT,
  RSIT_CLASSES,
  TLPS,
  DEFAULT_REPORT_TLP,
  type FieldProblem,
  type RawReport,
  type ReportField,
} from "@baken/core";
import { html, page, type Lang, type Safe } from "../../../lib/html.ts";
import { formTexts } from "./i18n/index.ts";
import { formatters, problemMessage } from "./messages.ts";

// The report form. Plain HTML that works without JavaScript: every group of choices is a fieldset with a
// legend, every field has a label, hints and errors are tied to their field with aria-describedby, and
// errors are listed first in a focused summary whose links lead to the fields.

export type FormState = {
  lang: Lang;
  values: RawReport;
  problems: FieldProblem[];
  /** a message about the whole form (expired, too fast...) */
  banner?: string;
  token: string;
  /** files were sent with a form that had problems: they are not kept */
  filesDropped?: boolean;
};

export const reportLangHref = (lang: Lang, ref?: string) =>
  `/report?lang=${lang}${ref ? `&ref=${encodeURIComponent(ref)}` : ""}`;

export const telHref = (phone: string) => `tel:${phone.replace(/[^+0-9]/g, "")}`;

/** A phone number inside a sentence, kept on one line. */
export const unbroken = (text: string) => text.replace(/ /g, "\u00a0");

/** A datetime-local input shows only "YYYY-MM-DDTHH:MM"; a typed "YYYY-MM-DD HH:MM" is kept that way. */
const asDateTimeLocal = (value: string) =>
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value) ? value.replace(" ", "T") : value;

export function renderReportForm(state: FormState, config: Config): string {
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

  const summary =
    problems.length > 0 || state.banner
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

  const { maxFiles, maxFileBytes } = config.reports;
  const phone = config.cert.phone;
  const ref = val("noticeReference");

  const body = html`<h1>${t.title}</h1>
    ${summary}
    <p>${t.intro}</p>
    <section class="urgent" aria-labelledby="urgent-title">
      <h2 id="urgent-title">${t.urgent.title}</h2>
      <p>${t.urgent.lead}</p>
      <ol>
        ${t.urgent.steps.map((s) => html`<li>${s}</li>`)}
      </ol>
      <p>
        <strong>${t.urgent.call} <a href="${telHref(phone)}" style="white-space:nowrap">${phone}</a></strong>
      </p>
      <p>${t.urgent.danger}</p>
    </section>
    <form method="post" action="/report?lang=${lang}" enctype="multipart/form-data" accept-charset="utf-8" novalidate>
      <input type="hidden" name="token" value="${state.token}" />
      <input type="hidden" name="lang" value="${lang}" />
      <p>${t.requiredNote}</p>

      <h2>${t.sections.you}</h2>
      ${group(
        "reporterKind",
        "radio",
        REPORTER_KINDS.map((k) => ({ value: k, label: v.reporterKinds[k] })),
        { required: true },
      )}
      ${input("name", { required: true, autocomplete: "name", max: REPORT_LIMITS.name })}
      ${input("email", { type: "email", required: true, autocomplete: "email", max: REPORT_LIMITS.email })}
      ${input("phone", { type: "tel", autocomplete: "tel", max: REPORT_LIMITS.phone })}
      ${input("organization", { autocomplete: "organization", max: REPORT_LIMITS.organization })}
      ${input("role", { autocomplete: "organization-title", max: REPORT_LIMITS.role })}
      ${group(
        "relation",
        "radio",
        [
          { value: "victim", label: f.relation.victim },
          { value: "on-behalf", label: f.relation.onBehalf },
        ],
        { required: true, checked: "victim" },
      )}

      <h2>${t.sections.what}</h2>
      ${group(
        "rsitClass",
        "radio",
        RSIT_CLASSES.map((c) => ({ value: c, label: v.rsitClasses[c].name, hint: v.rsitClasses[c].description })),
        { required: true },
      )}
      <div class="field">
        <label for="${id("rsitType")}">${f.rsitType.label}</label>
        ${hintOf("rsitType", f.rsitType.hint)}${errorOf("rsitType")}
        <select id="${id("rsitType")}" name="rsitType" ${describedBy("rsitType", true)}${invalid("rsitType")}>
          <option value="">${f.rsitType.unsure}</option>
          ${RSIT_CLASSES.map(
            (c) =>
              html`<optgroup label="${v.rsitClasses[c].name}">
                ${RSIT[c].map(
                  (type) =>
                    html`<option value="${type}" ${val("rsitType") === type ? html` selected` : ""}>
                      ${v.rsitTypes[type]}
                    </option>`,
                )}
              </optgroup>`,
          )}
        </select>
      </div>
      ${input("startedAt", { type: "datetime-local", value: asDateTimeLocal(val("startedAt")) })}
      ${input("detectedAt", { type: "datetime-local", value: asDateTimeLocal(val("detectedAt")) })}
      ${group("ongoing", "radio", [
        { value: "yes", label: f.ongoing.yes },
        { value: "no", label: f.ongoing.no },
        { value: "unknown", label: f.ongoing.unknown },
      ])}
      ${textarea("description", { required: true, rows: 8 })} ${textarea("affectedSystems")}
      ${group(
        "impact",
        "checkbox",
        IMPACTS.map((i) => ({ value: i, label: v.impacts[i] })),
      )}

      <h2>${t.sections.details}</h2>
      ${textarea("indicators")} ${textarea("actionsTaken")}
      ${group(
        "othersInformed",
        "checkbox",
        OTHER_PARTIES.map((o) => ({ value: o, label: v.otherParties[o] })),
      )}
      ${textarea("expectations", { rows: 3 })}
      ${input("noticeReference", { max: REPORT_LIMITS.noticeReference, value: ref })}
      ${
        maxFiles > 0
          ? html`<h2>${t.sections.files}</h2>
              <div class="field">
                <label for="${id("attachments")}">${f.attachments.label}</label>
                ${hintOf("attachments", f.attachments.hint({ maxFiles, maxSize: formatters(t).size(maxFileBytes) }))}${errorOf("attachments")}
                <input
                  type="file"
                  id="${id("attachments")}"
                  name="attachments"
                  multiple
                  accept="${ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(",")}"
                  ${describedBy("attachments", true)}${invalid("attachments")}
                />
              </div>`
          : ""
      }

      <h2>${t.sections.sharing}</h2>
      ${group(
        "tlp",
        "radio",
        TLPS.map((l) => ({ value: l, label: `TLP:${l.replace("_", "+")}`, hint: v.tlp[l] })),
        { checked: DEFAULT_REPORT_TLP },
      )}
      <div class="field">
        ${errorOf("consent")}
        <label class="choice"
          ><input
            type="checkbox"
            id="${id("consent")}"
            name="consent"
            value="yes"
            ${has("consent", "yes") ? html` checked` : ""}${describedBy("consent", true)}${invalid("consent")}
          /><span>${f.consent.label(config.cert.name)}${requiredMark}</span></label
        >
        <span class="hint" id="${id("consent")}-hint"
          ><a href="${config.cert.privacyUrl}" rel="noopener">${f.consent.privacyLink}</a></span
        >
      </div>
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
