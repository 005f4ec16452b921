import { cveRecordUrl, rsitLabel } from "@baken/core";
import { count } from "./format.ts";
import type { Block, NoticeView } from "./view.ts";

// What a notice says in the terms of shared standards: the RSIT classification, CVE records, X-ARF reports.

/** A template's words for what standards say of the notice: its RSIT class, its CVEs, its X-ARF reports. */
export type StandardsWords = {
  /** Before the classification in the reader's words. */
  classification: string;
  /** Before the list of CVE records. */
  cves: string;
  xarf: (files: string) => string;
  xarfOmitted: (above: string) => string;
};

/** The campaign's RSIT classification and its CVEs, each linked to its record at cve.org. */
export function classificationBlocks(v: NoticeView, w: StandardsWords): Block[] {
  const blocks: Block[] = [];
  const { rsit, cves } = v.campaign;
  if (rsit) blocks.push({ p: `${w.classification} ${rsitLabel(v.language, rsit.rsitClass, rsit.rsitType)}.` });
  if (cves.length > 0) blocks.push({ p: w.cves }, { links: cves.map((id) => ({ label: id, url: cveRecordUrl(id) })) });
  return blocks;
}

/** What the X-ARF attachments are (first, …, last when there are many), or why there are none. */
export function xarfSentence(v: NoticeView, w: StandardsWords): string {
  if (!v.xarf) return "";
  if ("omittedAbove" in v.xarf) return ` ${w.xarfOmitted(count(v.language, v.xarf.omittedAbove))}`;
  const { files } = v.xarf;
  return ` ${w.xarf(files.length <= 3 ? files.join(", ") : `${files[0]}, …, ${files.at(-1)}`)}`;
}
