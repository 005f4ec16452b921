import { html, type Lang } from "../../../../lib/html.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import { allForm } from "./all-form.ts";
import { hostsForm } from "./hosts-form.ts";
import type { Form, Host, Posted } from "./types.ts";

/** The two answer forms, when there are hosts to answer for. */
export function answerSection(
  t: OwnerTexts,
  opts: { lang: Lang; action: string; form: Form; posted?: Posted },
  hosts: Host[],
) {
  const { lang, posted } = opts;
  return hosts.length
    ? html`<section aria-labelledby="answer">
            <h2 id="answer" class="visually-hidden">${t.pageTitle}</h2>
            ${allForm(t, opts.action, opts.form, lang, hosts.length, posted)}
            ${hostsForm(t, opts.action, opts.form, lang, hosts, posted)}
          </section>`
    : "";
}
