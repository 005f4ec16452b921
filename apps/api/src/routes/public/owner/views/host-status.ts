import { html, type Safe } from "../../../../lib/html.ts";
import { formatDateTime } from "../format.ts";
import type { OwnerTexts } from "../i18n/index.ts";
import type { Host } from "./types.ts";

/** Where a host stands: the owner's answer, a compromise found, still seen after a fix, gone. */
export function statusOf(t: OwnerTexts, h: Host): Safe {
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
