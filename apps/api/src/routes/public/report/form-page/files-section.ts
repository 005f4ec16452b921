import type { Config } from "@baken/config";
import { ATTACHMENT_EXTENSIONS } from "@baken/core";
import { html } from "../../../../lib/html.ts";
import { formatters } from "../messages.ts";
import type { Controls } from "./controls.ts";

/** The attachments, when this installation takes any (REPORT_MAX_FILES > 0). */
export function filesSection(controls: Controls, { maxFiles, maxFileBytes }: Config["reports"]) {
  const { t, f, id, hintOf, errorOf, describedBy, invalid } = controls;
  return maxFiles > 0
    ? html`<h2>${t.sections.files}</h2>
              <div class="field">
                <label for="${id("attachments")}">${f.attachments.label}</label>
                ${hintOf("attachments", f.attachments.hint({ maxFiles, maxSize: formatters(t).size(maxFileBytes) }))}${errorOf("attachments")}
                <input
                  type="file"
                  id="${id("attachments")}"
                  name="attachments"
                  multiple
                  accept="${ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(",")}"
                  ${describedBy("attachments", true)}${invalid("attachments")}
                />
              </div>`
    : "";
}
