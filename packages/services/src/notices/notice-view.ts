import type { Config } from "@baken/config";
import {
  adviceByLanguageSchema,
  adviceFor,
  listedHost,
  type Language,
  type NoticeHost,
  type NoticeKind,
} from "@baken/core";
import type { NoticeCampaign } from "@baken/db";
import {
  attachmentName,
  hostsAttachment,
  renderNotice,
  SAMPLE_SIZE,
  type NoticeReport,
  type NoticeView,
} from "@baken/mail";

/** The distinct reports a notice's hosts come from, in the order the hosts name them. */
function reportsOf(hosts: NoticeHost[]): NoticeReport[] {
  const byName = new Map<string, NoticeReport>();
  for (const h of hosts) {
    if (h.reportName && !byName.has(h.reportName))
      byName.set(h.reportName, { type: h.reportType, name: h.reportName, severity: h.reportSeverity });
  }
  return [...byName.values()];
}

export type NoticeContent = {
  kind: NoticeKind;
  language: Language;
  reference: string;
  campaign: NoticeCampaign;
  organizationName: string;
  hosts: NoticeHost[];
  link: string;
  linkExpiresAt: Date | null;
  firstNoticeAt: Date | null;
};

/** Renders a notice (subject, text, HTML, attachment) from what the database holds; used by preview and delivery. */
export function renderNoticeContent(config: Pick<Config, "cert" | "mail">, c: NoticeContent) {
  const advice = adviceByLanguageSchema.safeParse(c.campaign.advice);
  const hosts = c.hosts.map(listedHost);
  const view: NoticeView = {
    kind: c.kind,
    language: c.language,
    reference: c.reference,
    tlp: c.campaign.tlp,
    campaign: {
      name: c.campaign.name,
      cves: c.campaign.cves,
      severity: c.campaign.severity,
      advice: advice.success ? adviceFor(advice.data, c.language) : undefined,
      compromiseSince: c.campaign.compromiseSince,
    },
    organization: { name: c.organizationName },
    hostCount: hosts.length,
    firstSeen: new Date(Math.min(...c.hosts.map((h) => h.firstSeenAt.getTime()))),
    lastSeen: new Date(Math.max(...c.hosts.map((h) => h.lastSeenAt.getTime()))),
    sample: hosts.slice(0, SAMPLE_SIZE),
    reports: reportsOf(c.hosts),
    firstNoticeAt: c.firstNoticeAt,
    link: c.link,
    linkExpiresAt: c.linkExpiresAt,
    attachmentName: attachmentName(c.reference, hosts.length),
    cert: { ...config.cert, replyTo: config.mail.replyTo },
  };
  return { rendered: renderNotice(view), attachment: hostsAttachment(c.reference, hosts) };
}
