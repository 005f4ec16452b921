import type { Config } from "@baken/config";
import { DEFAULT_REPORT_TLP, TLPS } from "@baken/core";
import { html, type Safe } from "../../../../lib/html.ts";
import type { Controls } from "./controls.ts";

/** How the report may be shared (TLP), and the reporter's consent. */
export function sharingSection(controls: Controls, cert: Config["cert"]): Safe {
  const { v, f, t, has, id, errorOf, describedBy, invalid, requiredMark, group } = controls;
  return html`<h2>${t.sections.sharing}</h2>
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
          /><span>${f.consent.label(cert.name)}${requiredMark}</span></label
        >
        <span class="hint" id="${id("consent")}-hint"
          ><a href="${cert.privacyUrl}" rel="noopener">${f.consent.privacyLink}</a></span
        >
      </div>`;
}
