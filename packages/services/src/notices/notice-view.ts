import type { Config } from "@baken/config";
import {
  adviceByLanguageSchema,
  adviceFor,
  listedHost,
  rsitPair,
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
  XARF_MAX_HOSTS,
  xarfAttachments,
  type NoticeReport,
  type NoticeView,
  type XarfAttachments,
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
  /** Written to a network operator's abuse desk (a fallback contact): "hosts in your network". */
  operator: boolean;
  hosts: NoticeHost[];
  link: string;
  linkExpiresAt: Date | null;
  firstNoticeAt: Date | null;
};

/**
 * The notice's X-ARF v4 reports, one per host, of the type the campaign's RSIT classification (and its
 * report type's identifier) gives, with the CERT as reporter; null for a campaign not classified.
 */
function xarfOf(config: Pick<Config, "cert" | "mail">, c: NoticeContent, advice: ReturnType<typeof adviceFor>) {
  const rsit = rsitPair(c.campaign.rsitClass, c.campaign.rsitType);
  if (!rsit) return null;
  return xarfAttachments({
    reference: c.reference,
    reporter: { name: config.cert.name, email: config.mail.replyTo, website: config.cert.website },
    campaign: {
      ...rsit,
      name: c.campaign.name,
      identifier: c.campaign.classificationIdentifier,
      cves: c.campaign.cves,
      tlp: c.campaign.tlp,
      description: advice?.summary ?? null,
      severity: c.campaign.severity,
    },
    hosts: c.hosts.map((h) => ({ ...listedHost(h), reportType: h.reportType })),
  });
}

const xarfView = (x: XarfAttachments | null): NoticeView["xarf"] =>
  !x
    ? null
    : x.omitted
      ? { omittedAbove: XARF_MAX_HOSTS }
      : x.attachments.length === 0
        ? null
        : { files: x.attachments.map((a) => a.filename) };

/**
 * Renders a notice (subject, text, HTML, the hosts' CSV and their X-ARF reports) from what the database
 * holds; used by preview and delivery.
 */
export function renderNoticeContent(config: Pick<Config, "cert" | "mail">, c: NoticeContent) {
  const advice = adviceByLanguageSchema.safeParse(c.campaign.advice);
  const hosts = c.hosts.map(listedHost);
  // X-ARF is read by machines and abuse desks anywhere: its description is the English advice.
  const xarf = xarfOf(config, c, advice.success ? adviceFor(advice.data, "en") : undefined);
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
      rsit: rsitPair(c.campaign.rsitClass, c.campaign.rsitType),
    },
    organization: { name: c.organizationName, operator: c.operator },
    hostCount: hosts.length,
    firstSeen: new Date(Math.min(...c.hosts.map((h) => h.firstSeenAt.getTime()))),
    lastSeen: new Date(Math.max(...c.hosts.map((h) => h.lastSeenAt.getTime()))),
    sample: hosts.slice(0, SAMPLE_SIZE),
    reports: reportsOf(c.hosts),
    firstNoticeAt: c.firstNoticeAt,
    link: c.link,
    linkExpiresAt: c.linkExpiresAt,
    attachmentName: attachmentName(c.reference, hosts.length),
    xarf: xarfView(xarf),
    cert: { ...config.cert, replyTo: config.mail.replyTo },
  };
  return { rendered: renderNotice(view), attachment: hostsAttachment(c.reference, hosts), xarf };
}
