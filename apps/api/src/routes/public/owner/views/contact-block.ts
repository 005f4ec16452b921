import { html, type Safe } from "../../../../lib/html.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import type { Cert } from "./types.ts";

/** How to reach the CERT: the end of every owner page. */
export function contactBlock(t: OwnerTexts, cert: Cert): Safe {
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
