import type { Answer, CompromiseFinding, HostState } from "./remediation/owner-answers.ts";

/**
 * One host of a campaign (campaign_host): what the campaign's lists saw at one ip|port|hostname, whom it
 * belongs to, and how its follow-up stands. The one shape of a campaign's host: each use picks its fields.
 */
export type CampaignHost = {
  id: number;
  campaignId: string;
  /** An address, or a network as address/bits. */
  ip: string | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  tag: string | null;
  version: string | null;
  /** The host's own severity (its row's), if it had one. */
  severity: string | null;
  organizationId: string | null;
  state: HostState;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** The initial notice that told the owner about it. */
  noticeId: string | null;
  notifiedAt: Date | null;
  /** The owner's current answer. */
  answer: Answer | null;
  answeredAt: Date | null;
  compromise: CompromiseFinding | null;
  goneAt: Date | null;
  /** Compromise found or help asked: staff look at it. */
  flagged: boolean;
};

/** The report a host was last seen in (its newest list's), when that list was a known report. */
export type HostReport = { reportType: string | null; reportName: string | null; reportSeverity: string | null };

/** A host as a notice reports it: what the mail says of it, and its report. */
export type NoticeHost = Pick<
  CampaignHost,
  "id" | "ip" | "port" | "protocol" | "hostname" | "tag" | "version" | "severity" | "firstSeenAt" | "lastSeenAt"
> &
  HostReport;

/**
 * What a notice lists of a host, in its body's sample and its CSV and X-ARF attachments: seen when it was
 * last seen; its own severity, else its report's.
 */
export type ListedHost = Pick<NoticeHost, "ip" | "port" | "protocol" | "hostname" | "tag" | "version" | "severity"> & {
  seenAt: Date;
};

export const listedHost = (h: NoticeHost): ListedHost => ({
  ip: h.ip,
  port: h.port,
  protocol: h.protocol,
  hostname: h.hostname,
  tag: h.tag,
  version: h.version,
  severity: h.severity ?? h.reportSeverity,
  seenAt: h.lastSeenAt,
});
