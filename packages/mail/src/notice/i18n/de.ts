import { tlpLabel } from "@baken/core";
import { count, dateTime, hostLine, longDate, reportsText, withSince } from "../format.ts";
import { classificationBlocks, xarfSentence, type StandardsWords } from "../standards.ts";
import type { Block } from "../view.ts";
import type { NoticeTemplate } from "./types.ts";

const TLP = {
  CLEAR: "Diese Informationen dürfen uneingeschränkt weitergegeben werden.",
  GREEN: "Sie dürfen diese Informationen innerhalb Ihrer Community weitergeben, aber nicht veröffentlichen.",
  AMBER:
    "Sie dürfen diese Informationen innerhalb Ihrer Organisation und an Kunden weitergeben, die sie zu ihrem Schutz benötigen.",
  AMBER_STRICT: "Sie dürfen diese Informationen nur innerhalb Ihrer eigenen Organisation weitergeben.",
  RED: "Nur für die genannten Empfänger bestimmt; bitte nicht weitergeben.",
};
const SEVERITY: Record<string, string> = {
  info: "informativ",
  low: "niedrig",
  medium: "mittel",
  high: "hoch",
  critical: "kritisch",
};

const STANDARDS: StandardsWords = {
  classification: "Klassifizierung (RSIT-Taxonomie):",
  cves: "CVE-Einträge:",
  xarf: (files) =>
    `Für Abuse-Bearbeitungssysteme ist jedes System zusätzlich im Format X-ARF v4 beschrieben: ${files}.`,
  xarfOmitted: (above) => `Bei mehr als ${above} Systemen liegen keine X-ARF-Berichte bei; die CSV-Datei enthält alle.`,
};

const systeme = (n: number) => (n === 1 ? "1 System" : `${count("de", n)} Systeme`);

export const de: NoticeTemplate = (v) => {
  const l = "de";
  const n = v.hostCount;
  const cves = v.campaign.cves.length > 0 ? `${v.campaign.cves.join(", ")}; ` : "";
  const about = `${v.campaign.name} (${cves}Schweregrad: ${SEVERITY[v.campaign.severity] ?? v.campaign.severity})`;
  const reminder = v.kind === "reminder";
  const subject = reminder
    ? `[${v.reference}] ${tlpLabel(v.tlp)} Erinnerung: ${v.campaign.name}: ${systeme(n)} weiterhin verwundbar`
    : `[${v.reference}] ${tlpLabel(v.tlp)} ${v.campaign.name}: ${n === 1 ? "1 verwundbares System" : `${count(l, n)} verwundbare Systeme`}`;

  const blocks: Block[] = [{ p: `${tlpLabel(v.tlp)}: ${TLP[v.tlp]}` }, { p: "Sehr geehrte Damen und Herren," }];
  if (reminder) {
    blocks.push({
      p:
        `am ${longDate(l, v.firstNoticeAt ?? v.firstSeen)} haben wir Sie darüber informiert, dass Systeme von ` +
        `${v.organization.name} für ${about} verwundbar sind. Nach unseren neuesten Daten ` +
        `${n === 1 ? "ist 1 System" : `sind ${count(l, n)} Systeme`} weiterhin verwundbar (zuletzt gesehen am ` +
        `${dateTime(l, v.lastSeen)}). Wir bitten Sie daher erneut, tätig zu werden.`,
    });
  } else if (v.organization.operator) {
    blocks.push({
      p:
        `uns liegen Informationen vor, wonach ${n === 1 ? "1 System" : `${count(l, n)} Systeme`} in Ihrem ` +
        `Netz für ${about} verwundbar ${n === 1 ? "ist" : "sind"}. Sie erhalten diese Nachricht, weil Ihre Adresse ` +
        `der veröffentlichte Abuse-Kontakt für ${n === 1 ? "die Adresse dieses Systems" : "die Adressen dieser Systeme"} ist ` +
        `(RIPE-Datenbank, RDAP oder security.txt). Die Systeme in Ihrem Netz sind unten aufgeführt: Bitte leiten Sie ` +
        `diese Nachricht an den Kunden weiter, der sie betreibt, oder werden Sie selbst tätig.`,
    });
  } else {
    blocks.push({
      p:
        `uns liegen Informationen vor, wonach ${n === 1 ? "1 System" : `${count(l, n)} Systeme`} von ` +
        `${v.organization.name} für ${about} verwundbar ${n === 1 ? "ist" : "sind"}. Sie erhalten diese Nachricht, ` +
        `weil Ihre Adresse bei uns als Kontakt für ${n === 1 ? "dieses System" : "diese Systeme"} hinterlegt ist.`,
    });
  }

  blocks.push({ h: "Was wir beobachtet haben" });
  const reports = reportsText(v.reports, "Schweregrad", SEVERITY);
  if (reports) blocks.push({ p: `Gemeldet in: ${reports}.` });
  blocks.push(...classificationBlocks(v, STANDARDS));
  blocks.push({
    p: `${systeme(n)}, erstmals gesehen am ${dateTime(l, v.firstSeen)}, zuletzt am ${dateTime(l, v.lastSeen)}:`,
  });
  blocks.push({ pre: v.sample.map(hostLine) });
  blocks.push({
    p:
      (n > v.sample.length ? `… sowie ${count(l, n - v.sample.length)} weitere. ` : "") +
      `Die vollständige Liste (IP-Adresse, Port, Protokoll, Hostname, Zeitpunkt der Beobachtung, Tag, Version und Schweregrad) ` +
      `finden Sie im Anhang ${v.attachmentName}.` +
      xarfSentence(v, STANDARDS),
  });

  const advice = v.campaign.advice;
  if (advice) blocks.push({ h: "Worum geht es?" }, { p: advice.summary });
  blocks.push({ h: "Was ist jetzt zu tun?" });
  blocks.push({
    ol:
      advice && advice.actions.length > 0
        ? advice.actions
        : [
            "Spielen Sie die Sicherheitsupdates des Herstellers so schnell wie möglich ein.",
            "Prüfen Sie, ob die Systeme bereits kompromittiert wurden.",
          ],
  });
  if (advice?.compromiseCheck) {
    blocks.push({
      p: `Prüfen Sie außerdem, ob Ihre Systeme bereits kompromittiert wurden: ${withSince(l, advice.compromiseCheck, v.campaign.compromiseSince)}`,
    });
  }
  if (advice && advice.links.length > 0) {
    blocks.push({ p: "Weitere Informationen:" }, { ul: advice.links.map((k) => `${k.label}: ${k.url}`) });
  }

  blocks.push({ h: "Teilen Sie uns mit, was Sie unternommen haben" });
  blocks.push({
    p: reminder
      ? "Falls Sie diese Systeme bereits abgesichert haben oder sie nicht zu Ihnen gehören, teilen Sie uns das bitte über Ihren persönlichen Link mit, unter dem Sie auch die Liste Ihrer Systeme finden:"
      : "Unter diesem persönlichen Link sehen Sie die Liste Ihrer Systeme und können uns für jedes System mitteilen, ob es gepatcht ist, ob Sie es noch untersuchen oder ob es nicht zu Ihnen gehört:",
  });
  blocks.push({ link: v.link });
  blocks.push({
    p:
      (v.linkExpiresAt ? `Der Link ist bis zum ${longDate(l, v.linkExpiresAt)} gültig. ` : "") +
      "Geben Sie ihn nur an Personen weiter, die diese Systeme betreuen.",
  });

  blocks.push({ h: "Fragen?" });
  blocks.push({
    p:
      `Antworten Sie auf diese E-Mail und behalten Sie dabei die Referenz ${v.reference} im Betreff bei, oder rufen Sie uns ` +
      `unter ${v.cert.phone} an. Sollten Sie Hinweise auf eine Kompromittierung finden, melden Sie sich bitte umgehend bei uns.`,
  });
  blocks.push({
    p:
      `${v.cert.name} ist das nationale Computer Security Incident Response Team (CSIRT). Wir informieren Organisationen, ` +
      "wenn uns Hinweise auf verwundbare oder kompromittierte Systeme in ihren Netzen vorliegen, damit sie handeln " +
      "können, bevor es ein Angreifer tut.",
  });
  blocks.push({ p: `Mit freundlichen Grüßen\n${v.cert.name}\n${v.cert.website}` });
  return { subject, blocks };
};
