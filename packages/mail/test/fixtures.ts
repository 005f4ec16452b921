import type { ListedHost } from "@baken/core";
import type { NoticeView } from "../src/index.ts";

export const host = (i: number, extra: Partial<ListedHost> = {}): ListedHost => ({
  ip: `192.0.2.${i % 250}`,
  port: 443,
  protocol: "https",
  hostname: `mail${i}.example.be`,
  seenAt: new Date(Date.UTC(2026, 10, 20, 8, 0, i % 60)),
  tag: "exchange",
  version: "15.1.2176",
  severity: "critical",
  ...extra,
});

export const view = (over: Partial<NoticeView> = {}): NoticeView => ({
  kind: "initial",
  language: "en",
  reference: "BAKEN#20261123-00000042",
  tlp: "AMBER",
  campaign: {
    name: "Microsoft Exchange ProxyLogon",
    cves: ["CVE-2021-26855", "CVE-2021-27065"],
    severity: "critical",
    advice: {
      summary: "Exchange servers without the March 2021 updates let anyone run code on them.",
      actions: ["Install the March 2021 cumulative update.", "Reset the credentials of accounts used on the server."],
      compromiseCheck: "look since {since} for web shells and logins from unknown foreign addresses.",
      links: [{ label: "Microsoft", url: "https://msrc.microsoft.com/blog/2021/03/" }],
    },
    compromiseSince: new Date("2021-01-01T00:00:00Z"),
    rsit: { rsitClass: "vulnerable", rsitType: "vulnerable-system" },
  },
  organization: { name: "Gemeente Voorbeeld", operator: false },
  hostCount: 3,
  firstSeen: new Date("2026-11-20T08:00:00Z"),
  lastSeen: new Date("2026-11-21T09:30:00Z"),
  sample: [host(1), host(2), host(3)],
  reports: [{ type: "scan_exchange", name: "Vulnerable Exchange Server", severity: "critical" }],
  firstNoticeAt: null,
  link: "https://baken.example/r/TOKEN",
  linkExpiresAt: new Date("2027-02-21T00:00:00Z"),
  attachmentName: "baken-20261123-00000042.csv",
  xarf: {
    files: [
      "baken-20261123-00000042-001.xarf.json",
      "baken-20261123-00000042-002.xarf.json",
      "baken-20261123-00000042-003.xarf.json",
    ],
  },
  cert: {
    name: "CERT Baken",
    phone: "+32 2 000 00 00",
    website: "https://cert.baken.example",
    replyTo: "incident@baken.example",
  },
  ...over,
});
