import { REPORT_LIMITS, REPORTER_KINDS } from "@baken/core";
import { html, type Safe } from "../../../../lib/html.ts";
import type { Controls } from "./controls.ts";

/** Who reports: kind, name and how to reach them, and whether they are the victim. */
export function youSection({ t, v, f, group, input }: Controls): Safe {
  return html`<h2>${t.sections.you}</h2>
      ${group(
        "reporterKind",
        "radio",
        REPORTER_KINDS.map((k) => ({ value: k, label: v.reporterKinds[k] })),
        { required: true },
      )}
      ${input("name", { required: true, autocomplete: "name", max: REPORT_LIMITS.name })}
      ${input("email", { type: "email", required: true, autocomplete: "email", max: REPORT_LIMITS.email })}
      ${input("phone", { type: "tel", autocomplete: "tel", max: REPORT_LIMITS.phone })}
      ${input("organization", { autocomplete: "organization", max: REPORT_LIMITS.organization })}
      ${input("role", { autocomplete: "organization-title", max: REPORT_LIMITS.role })}
      ${group(
        "relation",
        "radio",
        [
          { value: "victim", label: f.relation.victim },
          { value: "on-behalf", label: f.relation.onBehalf },
        ],
        { required: true, checked: "victim" },
      )}`;
}
