import type { XarfCampaignInput, XarfHostInput, XarfReporterInput } from "../../src/index.ts";

export const reporter: XarfReporterInput = {
  name: "CERT Baken",
  email: "cert@baken.example",
  website: "https://cert.baken.example",
};

export const exchangeCampaign: XarfCampaignInput = {
  name: "Exchange ProxyLogon, March 2021",
  rsitClass: "vulnerable",
  rsitType: "vulnerable-system",
  cves: ["CVE-2021-26855", "CVE-2021-27065"],
  tlp: "AMBER",
  description: "Microsoft Exchange servers vulnerable to ProxyLogon. Install the March 2021 security updates.",
  service: "Microsoft Exchange",
  severity: "critical",
  reference: "BAKEN#20261123-00000042",
};

export const exchangeHost: XarfHostInput = {
  ip: "192.0.2.10",
  port: 443,
  protocol: "tcp",
  hostname: "mail.example.org",
  seenAt: new Date("2021-03-09T06:00:00Z"),
  tag: "cve-2021-26855;exchange",
  version: "15.0.1497",
  asn: 64512,
  reportType: "scan_exchange",
  severity: "critical",
};
