import type { Advice, Language, ListedHost, NoticeKind, TlpLevel } from "@baken/core";

/** A report the hosts come from: Shadowserver's scan_exchange, a Shodan export... */
export type NoticeReport = { type: string | null; name: string; severity: string | null };

/** Everything a template may say; built by the services from the database, rendered here without I/O. */
export type NoticeView = {
  kind: NoticeKind;
  language: Language;
  reference: string;
  tlp: TlpLevel;
  campaign: {
    name: string;
    cves: string[];
    severity: string;
    advice: Advice | undefined;
    compromiseSince: Date | null;
    /** Its RSIT class and type (machine values), shown in the reader's words; null: not classified. */
    rsit: { rsitClass: string; rsitType: string } | null;
  };
  /** operator: a fallback abuse contact (the network's, a domain's security.txt), told to forward. */
  organization: { name: string; operator: boolean };
  hostCount: number;
  firstSeen: Date;
  lastSeen: Date;
  /** The first hosts, shown in the body; all of them are in the attachment. */
  sample: ListedHost[];
  /** The reports the hosts were seen in (none for lists read by column names). */
  reports: NoticeReport[];
  /** For a reminder: when the first notice went out. */
  firstNoticeAt: Date | null;
  link: string;
  linkExpiresAt: Date | null;
  attachmentName: string;
  /** The X-ARF reports' file names; or the host count above which none are attached; null: none to attach. */
  xarf: { files: string[] } | { omittedAbove: number } | null;
  cert: { name: string; phone: string; website: string; replyTo: string };
};

/** A template's output: a subject and blocks that render both as plain text and as HTML. */
export type Block =
  | { h: string }
  | { p: string }
  | { ol: string[] }
  | { ul: string[] }
  | { link: string; label?: string }
  | { links: { label: string; url: string }[] }
  | { pre: string[] };
