import { OTHER_PARTIES, REPORT_LIMITS } from "@baken/core";
import { html, type Safe } from "../../../../lib/html.ts";
import type { Controls } from "./controls.ts";

/** What is known besides: indicators, what was done, who else knows, what the reporter expects. */
export function detailsSection({ t, v, val, group, input, textarea }: Controls): Safe {
  const ref = val("noticeReference");
  return html`<h2>${t.sections.details}</h2>
      ${textarea("indicators")} ${textarea("actionsTaken")}
      ${group(
        "othersInformed",
        "checkbox",
        OTHER_PARTIES.map((o) => ({ value: o, label: v.otherParties[o] })),
      )}
      ${textarea("expectations", { rows: 3 })}
      ${input("noticeReference", { max: REPORT_LIMITS.noticeReference, value: ref })}`;
}
