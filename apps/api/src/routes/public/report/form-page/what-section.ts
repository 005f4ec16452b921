import { IMPACTS, RSIT, RSIT_CLASSES } from "@baken/core";
import { html, type Safe } from "../../../../lib/html.ts";
import type { Controls } from "./controls.ts";

/** A datetime-local input shows only "YYYY-MM-DDTHH:MM"; a typed "YYYY-MM-DD HH:MM" is kept that way. */
const asDateTimeLocal = (value: string) =>
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(value) ? value.replace(" ", "T") : value;

/** What happened: the kind of incident (RSIT class and type), when, whether it goes on, its impact. */
export function whatSection(controls: Controls): Safe {
  const { t, v, f, val, id, hintOf, errorOf, describedBy, invalid, group, input, textarea } = controls;
  return html`<h2>${t.sections.what}</h2>
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
      )}`;
}
