import type { TlpLevel } from "../tlp.ts";
import type { XarfCampaignInput, XarfHostInput } from "./xarf-input.ts";

// X-ARF has no TLP field: its tags ("namespace:predicate", lower-case) carry the label, written as the MISP /
// FIRST taxonomy writes it (tlp:amber, tlp:amber+strict). The CERT's other labels follow in the same form.

const TAGS_MAX = 20;

/** tlp:clear, tlp:green, tlp:amber, tlp:amber+strict, tlp:red. */
export const tlpTag = (tlp: TlpLevel) => `tlp:${tlp.toLowerCase().replace("_", "+")}`;

/** A value as a tag predicate: lower-case letters, digits, _ + -; null when nothing of it is left. */
function predicate(value: string | null | undefined): string | null {
  const p = value
    ?.trim()
    .toLowerCase()
    .replace(/[^a-z0-9_+-]+/g, "-")
    .replace(/^[^a-z0-9]+|-+$/g, "");
  return p ? p : null;
}

export function xarfTags({
  campaign,
  host,
  cves,
}: {
  campaign: XarfCampaignInput;
  host: XarfHostInput;
  cves: readonly string[];
}): string[] {
  const labelled = (namespace: string, value: string | null | undefined) => {
    const p = predicate(value);
    return p ? [`${namespace}:${p}`] : [];
  };
  const tags = [
    tlpTag(campaign.tlp),
    `rsit:${campaign.rsitType}`,
    ...labelled("baken", campaign.reference?.replace(/^BAKEN#/i, "")),
    ...labelled("report-type", host.reportType),
    ...labelled("severity", host.severity ?? campaign.severity),
  ];
  // The CVEs last: they are the ones cut when there are more than the schema allows (all stay in cve_ids).
  return [...tags, ...cves.map((id) => `cve:${id.toLowerCase()}`)].slice(0, TAGS_MAX);
}
