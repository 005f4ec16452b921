import type { OwnerFormError } from "@baken/core";
import { html, type Lang } from "../../../../lib/html.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import type { Form, Posted } from "./types.ts";

// The pieces both answer forms are made of: a value posted back, a field's error, the hidden fields.

export const value = (values: Record<string, unknown> | undefined, key: string) =>
  typeof values?.[key] === "string" ? (values[key] as string) : "";

export const fieldError = (t: OwnerTexts, errors: OwnerFormError[] | undefined, field: string, id: string) => {
  const e = errors?.find((x) => x.field === field);
  return e ? html`<p class="error" id="${id}-error">${t.errors.codes[e.code]}</p>` : "";
};

/** Marks a control invalid and ties it to its error message, so a screen reader announces which and why. */
export const invalidAttrs = (errors: OwnerFormError[] | undefined, field: string, id: string) =>
  errors?.some((e) => e.field === field) ? html` aria-invalid="true" aria-describedby="${id}-error"` : "";

/** The "better contact" field both forms end with (`id` differs per form). */
export const betterContactField = (
  t: OwnerTexts,
  v: Posted["values"] | undefined,
  errors: OwnerFormError[] | undefined,
  id: string,
) =>
  html`<label for="${id}">${t.betterContact}<span class="hint">${t.betterContactHint}</span></label>
    ${fieldError(t, errors, "betterContact", id)}
    <input
      type="text"
      id="${id}"
      name="betterContact"
      maxlength="320"
      autocomplete="off"
      value="${value(v, "betterContact")}"
      ${invalidAttrs(errors, "betterContact", id)}
    />`;

// Both forms post to the page with the same hidden fields; `scope` says which one was sent.
export const formStart = (action: string, scope: "all" | "hosts", lang: Lang, form: Form) =>
  html`<form method="post" action="${action}" id="${scope}-form">
    <input type="hidden" name="scope" value="${scope}" /><input type="hidden" name="lang" value="${lang}" />
    <input type="hidden" name="formToken" value="${form.token}" />`;
