import type { OwnerFormError } from "@baken/core";
import { html, type Safe } from "../../../../lib/html.ts";
import { hostLabel } from "../format.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import type { Host } from "./types.ts";

/** The posted form's errors, first on the page, each a link to its field. */
export function errorList(t: OwnerTexts, errors: OwnerFormError[], hosts: Host[], scope: "all" | "hosts"): Safe {
  const byId = new Map(hosts.map((h) => [h.id, h]));
  const anchor = (e: OwnerFormError) =>
    scope === "all"
      ? ({ answer: "all-answer", compromise: "all-compromise", comment: "all-comment", betterContact: "all-contact" }[
          e.field
        ] ?? "all-form")
      : e.field === "answer"
        ? "hosts-form"
        : e.field === "betterContact"
          ? "hosts-contact"
          : e.field;
  return html`<div class="errors" role="alert" tabindex="-1" id="errors">
    <p><strong>${t.errors.summary}</strong></p>
    <ul>
      ${errors.map((e) => {
        const host = e.hostId ? byId.get(e.hostId) : undefined;
        const message = t.errors.codes[e.code];
        return html`<li>
          <a href="#${anchor(e)}">${host ? t.errors.forHost(hostLabel(host), message) : message}</a>
        </li>`;
      })}
    </ul>
  </div>`;
}
