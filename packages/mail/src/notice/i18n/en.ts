import { tlpLabel } from "@baken/core";
import { count, dateTime, hostLine, longDate, reportsText, withSince } from "../format.ts";
import { classificationBlocks, xarfSentence, type StandardsWords } from "../standards.ts";
import type { Block } from "../view.ts";
import type { NoticeTemplate } from "./types.ts";

const TLP = {
  CLEAR: "no restrictions on sharing.",
  GREEN: "you may share this within your community, but not publicly.",
  AMBER: "you may share this within your organisation and with clients who need it to protect themselves.",
  AMBER_STRICT: "you may share this within your organisation only.",
  RED: "for the named recipients only; do not share it further.",
};
const SEVERITY: Record<string, string> = {
  info: "informational",
  low: "low",
  medium: "medium",
  high: "high",
  critical: "critical",
};

const STANDARDS: StandardsWords = {
  classification: "Classification (RSIT taxonomy):",
  cves: "CVE records:",
  xarf: (files) => `For abuse-handling tools, each system is also described in the X-ARF v4 format: ${files}.`,
  xarfOmitted: (above) => `With more than ${above} systems no X-ARF reports are attached; the CSV file lists them all.`,
};

const systems = (n: number) => (n === 1 ? "1 system" : `${count("en", n)} systems`);

export const en: NoticeTemplate = (v) => {
  const l = "en";
  const n = v.hostCount;
  const cves = v.campaign.cves.length > 0 ? `${v.campaign.cves.join(", ")}; ` : "";
  const about = `${v.campaign.name} (${cves}severity: ${SEVERITY[v.campaign.severity] ?? v.campaign.severity})`;
  const reminder = v.kind === "reminder";
  const subject = reminder
    ? `[${v.reference}] ${tlpLabel(v.tlp)} Reminder: ${v.campaign.name}: ${systems(n)} still vulnerable`
    : `[${v.reference}] ${tlpLabel(v.tlp)} ${v.campaign.name}: ${n === 1 ? "1 vulnerable system" : `${count(l, n)} vulnerable systems`}`;

  const blocks: Block[] = [{ p: `${tlpLabel(v.tlp)}: ${TLP[v.tlp]}` }, { p: "Dear Sir or Madam," }];
  if (reminder) {
    blocks.push({
      p:
        `On ${longDate(l, v.firstNoticeAt ?? v.firstSeen)} we informed you that systems of ${v.organization.name} ` +
        `were vulnerable to ${about}. Our most recent data still shows ${systems(n)} as vulnerable ` +
        `(last seen ${dateTime(l, v.lastSeen)}). We therefore ask you again to act.`,
    });
  } else if (v.organization.operator) {
    blocks.push({
      p:
        `We have received information showing that ${n === 1 ? "1 system" : `${count(l, n)} systems`} in your ` +
        `network ${n === 1 ? "is" : "are"} vulnerable to ${about}. You are receiving this message because your ` +
        `address is the published abuse contact for ${n === 1 ? "the address of this system" : "the addresses of these systems"} ` +
        `(RIPE database, RDAP or security.txt). The hosts in your network are listed below: please forward this ` +
        `message to the customer who operates them, or act on it yourself.`,
    });
  } else {
    blocks.push({
      p:
        `We have received information showing that ${n === 1 ? "1 system" : `${count(l, n)} systems`} of ` +
        `${v.organization.name} ${n === 1 ? "is" : "are"} vulnerable to ${about}. You are receiving this message ` +
        `because your address is registered with us as a contact for ${n === 1 ? "this system" : "these systems"}.`,
    });
  }

  blocks.push({ h: "What we saw" });
  const reports = reportsText(v.reports, "severity", SEVERITY);
  if (reports) blocks.push({ p: `Reported in: ${reports}.` });
  blocks.push(...classificationBlocks(v, STANDARDS));
  blocks.push({
    p: `${systems(n)}, first seen ${dateTime(l, v.firstSeen)}, last seen ${dateTime(l, v.lastSeen)}:`,
  });
  blocks.push({ pre: v.sample.map(hostLine) });
  blocks.push({
    p:
      (n > v.sample.length ? `…and ${count(l, n - v.sample.length)} more. ` : "") +
      `The attached file ${v.attachmentName} lists every system (IP address, port, protocol, host name, ` +
      `time seen, tag, version and severity).` +
      xarfSentence(v, STANDARDS),
  });

  const advice = v.campaign.advice;
  if (advice) blocks.push({ h: "What is the problem?" }, { p: advice.summary });
  blocks.push({ h: "What to do now" });
  blocks.push({
    ol:
      advice && advice.actions.length > 0
        ? advice.actions
        : [
            "Install the vendor's security updates as soon as possible.",
            "Check whether the systems have already been compromised.",
          ],
  });
  if (advice?.compromiseCheck) {
    blocks.push({
      p: `Also check whether your systems have already been compromised: ${withSince(l, advice.compromiseCheck, v.campaign.compromiseSince)}`,
    });
  }
  if (advice && advice.links.length > 0) {
    blocks.push({ p: "More information:" }, { ul: advice.links.map((k) => `${k.label}: ${k.url}`) });
  }

  blocks.push({ h: "Tell us what you did" });
  blocks.push({
    p: reminder
      ? "If you have already fixed these systems, or if they are not yours, please tell us through your personal link, which also lists your systems:"
      : "This personal link shows the list of your systems and lets you tell us, for each system, whether it is patched, still being investigated, or not yours:",
  });
  blocks.push({ link: v.link });
  blocks.push({
    p:
      (v.linkExpiresAt ? `The link is valid until ${longDate(l, v.linkExpiresAt)}. ` : "") +
      "Share it only with the people who manage these systems.",
  });

  blocks.push({ h: "Questions?" });
  blocks.push({
    p:
      `Reply to this e-mail, keeping the reference ${v.reference} in the subject, or call us on ${v.cert.phone}. ` +
      "If you find signs that a system has been compromised, please contact us without delay.",
  });
  blocks.push({
    p:
      `${v.cert.name} is the national computer security incident response team (CSIRT). We warn organisations when ` +
      "we learn of vulnerable or compromised systems in their networks, so that they can act before an attacker does.",
  });
  blocks.push({ p: `Kind regards,\n${v.cert.name}\n${v.cert.website}` });
  return { subject, blocks };
};
