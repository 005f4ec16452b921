import { ANSWERS, COMPROMISE, type OwnerFormError } from "@baken/core";
import type { OwnerView } from "@baken/services";
import { html, page, type Lang, type Safe } from "../../../lib/html.ts";
import { adviceIn, formatDate, formatDateTime, hostLabel, serviceLabel, tlpLabel } from "./format.ts";
import { OWNER_TEXTS, type OwnerTexts, type Tlp } from "./texts/index.ts";

export type Cert = { name: string; phone: string; website: string; email: string };
type Host = OwnerView["hosts"][number];
type Form = { token: string };
export type Posted = { scope: "all" | "hosts"; values: Record<string, unknown>; errors: OwnerFormError[] };

const value = (values: Record<string, unknown> | undefined, key: string) =>
  typeof values?.[key] === "string" ? (values[key] as string) : "";

/** Compromise found or help asked on a host: the page then offers the incident-report form. */
const needsHelp = (hosts: Host[]) => hosts.some((h) => h.answer === "needs_help" || h.compromise === "yes");

function contactBlock(t: OwnerTexts, cert: Cert): Safe {
  return html`<section class="notice" aria-labelledby="contact">
    <h2 id="contact">${t.contact.heading}</h2>
    <p>${t.contact.text(cert.name)}</p>
    <ul>
      <li>${t.contact.phone}${t.colon} <a href="tel:${cert.phone.replace(/[^+\d]/g, "")}">${cert.phone}</a></li>
      <li>${t.contact.email}${t.colon} <a href="mailto:${cert.email}">${cert.email}</a></li>
      <li>${t.contact.website}${t.colon} <a href="${cert.website}">${cert.website}</a></li>
    </ul>
  </section>`;
}

function statusOf(t: OwnerTexts, h: Host): Safe {
  const lines: string[] = [];
  lines.push(
    h.answer && h.answeredAt
      ? t.hosts.answered(t.answers[h.answer], formatDateTime(t, h.answeredAt))
      : t.hosts.noAnswer,
  );
  if (h.answer === "patched" && h.compromise) lines.push(t.hosts.compromise(t.compromise[h.compromise]));
  const claimedFixed = h.answer === "patched" || h.answer === "mitigated";
  if (claimedFixed && h.state !== "gone" && h.answeredAt && h.lastSeenAt > h.answeredAt) {
    lines.push(t.hosts.stillSeen(formatDateTime(t, h.lastSeenAt)));
  }
  if (h.state === "gone" && h.goneAt) lines.push(t.hosts.gone(formatDateTime(t, h.goneAt)));
  return html`${lines.map((l, i) => (i === 0 ? html`${l}` : html`<br /><span class="hint">${l}</span>`))}`;
}

/** The hosts as a list of short cards rather than a table: readable on a phone without side-scrolling. */
function hostsList(t: OwnerTexts, hosts: Host[]): Safe {
  if (hosts.length === 0) return html`<p>${t.hosts.none}</p>`;
  return html`<ul style="list-style:none;padding:0;margin:0">
    ${hosts.map(
      (h) =>
        html`<li class="notice" style="margin:.5rem 0">
          <strong>${h.ip ?? h.hostname}</strong
          >${h.ip && h.hostname ? html` <span class="hint" style="display:inline">(${h.hostname})</span>` : ""}<br />
          ${t.hosts.service}${t.colon} ${serviceLabel(h)}<br />${t.hosts.lastSeen}${t.colon}
          ${formatDateTime(t, h.lastSeenAt)}<br />
          ${t.hosts.status}${t.colon} ${statusOf(t, h)}
        </li>`,
    )}
  </ul>`;
}

function helpBox(t: OwnerTexts, lang: Lang, reference: string): Safe {
  const href = `/report?${new URLSearchParams({ ref: reference, lang })}`;
  return html`<section class="urgent" aria-labelledby="help">
    <h2 id="help">${t.help.heading}</h2>
    <p>${t.help.text}</p>
    <p><a class="button" href="${href}">${t.help.link}</a></p>
  </section>`;
}

function errorList(t: OwnerTexts, errors: OwnerFormError[], hosts: Host[], scope: "all" | "hosts"): Safe {
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

const fieldError = (t: OwnerTexts, errors: OwnerFormError[] | undefined, field: string, id: string) => {
  const e = errors?.find((x) => x.field === field);
  return e ? html`<p class="error" id="${id}-error">${t.errors.codes[e.code]}</p>` : "";
};

/** Marks a control invalid and ties it to its error message, so a screen reader announces which and why. */
const invalidAttrs = (errors: OwnerFormError[] | undefined, field: string, id: string) =>
  errors?.some((e) => e.field === field) ? html` aria-invalid="true" aria-describedby="${id}-error"` : "";

/** The "better contact" field both forms end with (`id` differs per form). */
const betterContactField = (
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
const formStart = (action: string, scope: "all" | "hosts", lang: Lang, form: Form) =>
  html`<form method="post" action="${action}" id="${scope}-form">
    <input type="hidden" name="scope" value="${scope}" /><input type="hidden" name="lang" value="${lang}" />
    <input type="hidden" name="formToken" value="${form.token}" />`;

function allForm(t: OwnerTexts, action: string, form: Form, lang: Lang, count: number, posted?: Posted): Safe {
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

function hostsForm(t: OwnerTexts, action: string, form: Form, lang: Lang, hosts: Host[], posted?: Posted): Safe {
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

export function ownerPage(opts: {
  lang: Lang;
  view: OwnerView;
  cert: Cert;
  action: string;
  langHref: (l: Lang) => string;
  form: Form;
  posted?: Posted;
}): string {
  const { lang, view, cert, posted } = opts;
  const t = OWNER_TEXTS[lang];
  const { campaign, hosts, link } = view;
  const advice = adviceIn(
    campaign.advice,
    lang,
    campaign.compromiseSince ? formatDate(t, campaign.compromiseSince) : null,
  );
  const body = html`${posted ? errorList(t, posted.errors, hosts, posted.scope) : ""}
    <h1>${campaign.name}</h1>
    <p class="notice">${t.intro(view.organization.name)}</p>
    <p>
      <strong>${t.reference}${t.colon}</strong> ${link.reference}<br />
      <strong>${t.tlp}${t.colon}</strong> ${tlpLabel(campaign.tlp)} – ${t.tlpMeaning[campaign.tlp as Tlp]}
      ${campaign.cves.length ? html`<br /><strong>${t.cves}${t.colon}</strong> ${campaign.cves.join(", ")}` : ""}
    </p>
    <p class="hint">${t.validUntil(formatDateTime(t, link.expiresAt))}</p>
    ${needsHelp(hosts) ? helpBox(t, lang, link.reference) : ""}
    <section aria-labelledby="about">
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
    </section>
    <section aria-labelledby="hosts">
      <h2 id="hosts">${t.hosts.heading(hosts.length)}</h2>
      ${hostsList(t, hosts)}
    </section>
    ${
      hosts.length
        ? html`<section aria-labelledby="answer">
            <h2 id="answer" class="visually-hidden">${t.pageTitle}</h2>
            ${allForm(t, opts.action, opts.form, lang, hosts.length, posted)}
            ${hostsForm(t, opts.action, opts.form, lang, hosts, posted)}
          </section>`
        : ""
    }
    ${contactBlock(t, cert)}`;
  return page({
    lang,
    title: posted ? `${t.errors.summary} ${campaign.name}` : campaign.name,
    body,
    langHref: opts.langHref,
    certName: cert.name,
  });
}

export function donePage(opts: {
  lang: Lang;
  view: OwnerView;
  cert: Cert;
  backHref: string;
  langHref: (l: Lang) => string;
}): string {
  const { lang, view, cert } = opts;
  const t = OWNER_TEXTS[lang];
  const last = view.hosts.reduce<Date | null>(
    (m, h) => (h.answeredAt && (!m || h.answeredAt > m) ? h.answeredAt : m),
    null,
  );
  const body = html`<h1>${t.done.title}</h1>
    <p class="notice">${last ? t.done.text(formatDateTime(t, last)) : ""}</p>
    <p><strong>${t.reference}${t.colon}</strong> ${view.link.reference}</p>
    ${needsHelp(view.hosts) ? helpBox(t, lang, view.link.reference) : ""}
    <h2>${t.done.current}</h2>
    ${hostsList(t, view.hosts)}
    <p><a class="button" href="${opts.backHref}">${t.done.back}</a></p>
    ${contactBlock(t, cert)}`;
  return page({ lang, title: t.done.title, body, langHref: opts.langHref, certName: cert.name });
}

/** A page that says one thing (invalid link, expired form, ...) and how to reach the CERT. */
export function problemPage(opts: {
  lang: Lang;
  cert: Cert;
  problem: (t: OwnerTexts) => { title: string; text: string };
  link?: { href: string; label: (t: OwnerTexts) => string };
  langHref?: (l: Lang) => string;
}): string {
  const t = OWNER_TEXTS[opts.lang];
  const { title, text } = opts.problem(t);
  const body = html`<h1>${title}</h1>
    <p>${text}</p>
    ${opts.link ? html`<p><a class="button" href="${opts.link.href}">${opts.link.label(t)}</a></p>` : ""}
    ${contactBlock(t, opts.cert)}`;
  return page({ lang: opts.lang, title, body, langHref: opts.langHref, certName: opts.cert.name });
}
