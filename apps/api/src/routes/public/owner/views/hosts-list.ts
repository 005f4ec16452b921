import { html, type Safe } from "../../../../lib/html.ts";
import { formatDateTime, serviceLabel } from "../format.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import { statusOf } from "./host-status.ts";
import type { Host } from "./types.ts";

/** The hosts as a list of short cards rather than a table: readable on a phone without side-scrolling. */
export function hostsList(t: OwnerTexts, hosts: Host[]): Safe {
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
