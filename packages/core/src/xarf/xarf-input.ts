import type { ListedHost } from "../campaign-host.ts";
import type { RsitClass, RsitType } from "../reports/rsit.ts";
import type { TlpLevel } from "../tlp.ts";

/** The CERT: it found or relayed the problem (reporter) and sends the notice (sender). */
export type XarfReporterInput = { name: string; email: string; website: string };

export type XarfCampaignInput = {
  name: string;
  rsitClass: RsitClass;
  rsitType: RsitType;
  /** IntelMQ classification.identifier of the campaign's report type, when known (see xarf-kind.ts). */
  identifier?: string | null;
  cves: readonly string[];
  tlp: TlpLevel;
  /** In English: X-ARF is read by machines and abuse desks the world over. */
  description?: string | null;
  /** The affected product or service ("Microsoft Exchange"); else the host's report type, else the campaign name. */
  service?: string | null;
  /** The campaign's severity (low … critical) when the host has none of its own. */
  severity?: string | null;
  /** The notice's reference (BAKEN#20261123-00000042): tagged, and the seed of stable report ids. */
  reference?: string | null;
};

/** One host of a notice as the notice lists it, with what a feed adds when it knows it. */
export type XarfHostInput = Omit<ListedHost, "severity"> & {
  asn?: number | null;
  /** Shadowserver report type (scan_exchange, event4_sinkhole…). */
  reportType?: string | null;
  /** Shadowserver's severity of the row: critical, high, medium, low, info. */
  severity?: string | null;
};
