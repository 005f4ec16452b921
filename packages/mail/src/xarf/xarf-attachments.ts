import {
  buildXarfReport,
  type XarfCampaignInput,
  type XarfHostInput,
  type XarfReport,
  type XarfReporterInput,
} from "@baken/core";
import { zipSync } from "fflate";
import { attachmentName } from "../notice/hosts-attachment.ts";

/**
 * Up to this many hosts, each report is its own `*.xarf.json` attachment, which an abuse desk's parser
 * takes as it comes; above it they travel in one zip, as the CSV does past COMPRESS_ABOVE_HOSTS: a mail of
 * hundreds of attachments is refused or split by ticket systems.
 */
export const XARF_SEPARATE_MAX_HOSTS = 20;

export type XarfAttachment = { filename: string; contentType: string; content: Buffer };

export type XarfAttachments = {
  /** Ready for the notice's `attachments`, beside the CSV: nodemailer's { filename, content, contentType }. */
  attachments: XarfAttachment[];
  reports: XarfReport[];
  /** Hosts that got no report, and why (no X-ARF type for the campaign; a field the type needs is unknown). */
  refused: { host: XarfHostInput; reason: string }[];
};

export type XarfAttachmentsInput = {
  /** The notice's reference: names the files and seeds the report ids (campaign.reference is set from it). */
  reference: string;
  reporter: XarfReporterInput;
  campaign: Omit<XarfCampaignInput, "reference">;
  hosts: readonly XarfHostInput[];
};

/**
 * The X-ARF v4 reports of a notice's hosts, one per host (packages/core/src/xarf/README.md says why), as
 * mail attachments named after the notice's CSV: baken-20261123-00000042-001.xarf.json, … or, above
 * XARF_SEPARATE_MAX_HOSTS hosts, baken-20261123-00000042.xarf.zip holding those files.
 */
export function xarfAttachments({ reference, reporter, campaign, hosts }: XarfAttachmentsInput): XarfAttachments {
  const reports: XarfReport[] = [];
  const refused: XarfAttachments["refused"] = [];
  for (const host of hosts) {
    const built = buildXarfReport({ reporter, campaign: { ...campaign, reference }, host });
    if (built.ok) reports.push(built.report);
    else refused.push({ host, reason: built.reason });
  }
  if (reports.length === 0) return { attachments: [], reports, refused };

  const base = attachmentName(reference, 1).replace(/\.csv$/, "");
  const width = String(reports.length).length;
  const files = reports.map((report, i) => ({
    filename: `${base}-${String(i + 1).padStart(Math.max(3, width), "0")}.xarf.json`,
    content: Buffer.from(`${JSON.stringify(report, null, 2)}\n`, "utf8"),
  }));
  if (files.length <= XARF_SEPARATE_MAX_HOSTS) {
    return { attachments: files.map((f) => ({ ...f, contentType: "application/json" })), reports, refused };
  }
  const zipped = zipSync(Object.fromEntries(files.map((f) => [f.filename, [f.content, { level: 6 }]])));
  return {
    attachments: [{ filename: `${base}.xarf.zip`, contentType: "application/zip", content: Buffer.from(zipped) }],
    reports,
    refused,
  };
}
