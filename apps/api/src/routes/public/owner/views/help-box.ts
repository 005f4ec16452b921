import { html, type Lang, type Safe } from "../../../../lib/html.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import type { Host } from "./types.ts";

/** Compromise found or help asked on a host: the page then offers the incident-report form. */
export const needsHelp = (hosts: Host[]) => hosts.some((h) => h.answer === "needs_help" || h.compromise === "yes");

/** The way to the incident-report form, its reference filled in. */
export function helpBox(t: OwnerTexts, lang: Lang, reference: string): Safe {
  const href = `/report?${new URLSearchParams({ ref: reference, lang })}`;
  return html`<section class="urgent" aria-labelledby="help">
    <h2 id="help">${t.help.heading}</h2>
    <p>${t.help.text}</p>
    <p><a class="button" href="${href}">${t.help.link}</a></p>
  </section>`;
}
