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

/**
 * Above this many hosts a notice carries no X-ARF, only the CSV (and says so). A report is ~1.7 KB of JSON
 * (its evidence is base64, which deflate barely shrinks): a thousand zip to ~1.0 MB (measured, scan_exchange
 * hosts), 1.4 MB in the mail; ten thousand would pass the 10 MB many relays refuse. The CSV's zip bound.
 */
export const XARF_MAX_HOSTS = 1000;

export type XarfAttachment = { filename: string; contentType: string; content: Buffer };

export type XarfAttachments = {
  /** Ready for the notice's `attachments`, beside the CSV: nodemailer's { filename, content, contentType }. */
  attachments: XarfAttachment[];
  reports: XarfReport[];
  /** Hosts that got no report, and why (no X-ARF type for the campaign; a field the type needs is unknown). */
  refused: { host: XarfHostInput; reason: string }[];
  /** More hosts than XARF_MAX_HOSTS: no report was made (the notice says the CSV lists them all). */
  omitted: boolean;
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
  if (hosts.length > XARF_MAX_HOSTS) return { attachments: [], reports: [], refused: [], omitted: true };
  const reports: XarfReport[] = [];
  const refused: XarfAttachments["refused"] = [];
  for (const host of hosts) {
    const built = buildXarfReport({ reporter, campaign: { ...campaign, reference }, host });
    if (built.ok) reports.push(built.report);
    else refused.push({ host, reason: built.reason });
  }
  if (reports.length === 0) return { attachments: [], reports, refused, omitted: false };

  const base = attachmentName(reference, 1).replace(/\.csv$/, "");
  const width = String(reports.length).length;
  const files = reports.map((report, i) => ({
    filename: `${base}-${String(i + 1).padStart(Math.max(3, width), "0")}.xarf.json`,
    content: Buffer.from(`${JSON.stringify(report, null, 2)}\n`, "utf8"),
  }));
  if (files.length <= XARF_SEPARATE_MAX_HOSTS) {
    return {
      attachments: files.map((f) => ({ ...f, contentType: "application/json" })),
      reports,
      refused,
      omitted: false,
    };
  }
  const zipped = zipSync(Object.fromEntries(files.map((f) => [f.filename, [f.content, { level: 6 }]])));
  return {
    attachments: [{ filename: `${base}.xarf.zip`, contentType: "application/zip", content: Buffer.from(zipped) }],
    reports,
    refused,
    omitted: false,
  };
}
