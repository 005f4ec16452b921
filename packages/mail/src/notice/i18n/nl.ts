import { tlpLabel } from "@baken/core";
import { count, dateTime, hostLine, longDate, reportsText, withSince } from "../format.ts";
import { classificationBlocks, xarfSentence, type StandardsWords } from "../standards.ts";
import type { Block } from "../view.ts";
import type { NoticeTemplate } from "./types.ts";

const TLP = {
  CLEAR: "deze informatie mag zonder beperking gedeeld worden.",
  GREEN: "u mag deze informatie delen binnen uw sector of gemeenschap, maar niet publiek.",
  AMBER: "u mag deze informatie delen binnen uw organisatie en met klanten die ze nodig hebben om zich te beschermen.",
  AMBER_STRICT: "u mag deze informatie alleen binnen uw eigen organisatie delen.",
  RED: "uitsluitend bestemd voor de geadresseerden; deel ze niet verder.",
};
const SEVERITY: Record<string, string> = {
  info: "informatief",
  low: "laag",
  medium: "gemiddeld",
  high: "hoog",
  critical: "kritiek",
};

const STANDARDS: StandardsWords = {
  classification: "Classificatie (RSIT-taxonomie):",
  cves: "CVE-fiches:",
  xarf: (files) =>
    `Voor software die abuse-meldingen verwerkt, beschrijven we elk systeem ook in het X-ARF v4-formaat: ${files}.`,
  xarfOmitted: (above) =>
    `Bij meer dan ${above} systemen voegen we geen X-ARF-rapporten toe; het CSV-bestand bevat ze allemaal.`,
};

const systemen = (n: number) => (n === 1 ? "1 systeem" : `${count("nl", n)} systemen`);

export const nl: NoticeTemplate = (v) => {
  const l = "nl";
  const n = v.hostCount;
  const cves = v.campaign.cves.length > 0 ? `${v.campaign.cves.join(", ")}; ` : "";
  const about = `${v.campaign.name} (${cves}ernst: ${SEVERITY[v.campaign.severity] ?? v.campaign.severity})`;
  const reminder = v.kind === "reminder";
  const subject = reminder
    ? `[${v.reference}] ${tlpLabel(v.tlp)} Herinnering: ${v.campaign.name}: ${systemen(n)} nog kwetsbaar`
    : `[${v.reference}] ${tlpLabel(v.tlp)} ${v.campaign.name}: ${n === 1 ? "1 kwetsbaar systeem" : `${count(l, n)} kwetsbare systemen`}`;

  const blocks: Block[] = [{ p: `${tlpLabel(v.tlp)}: ${TLP[v.tlp]}` }, { p: "Geachte heer, mevrouw," }];
  if (reminder) {
    blocks.push({
      p:
        `Op ${longDate(l, v.firstNoticeAt ?? v.firstSeen)} hebben wij u laten weten dat systemen van ` +
        `${v.organization.name} kwetsbaar waren voor ${about}. Volgens onze meest recente gegevens ` +
        `${n === 1 ? "is 1 systeem" : `zijn ${count(l, n)} systemen`} nog altijd kwetsbaar (laatst gezien op ` +
        `${dateTime(l, v.lastSeen)}). Daarom vragen wij u nogmaals om maatregelen te nemen.`,
    });
  } else if (v.organization.operator) {
    blocks.push({
      p:
        `Wij hebben informatie ontvangen waaruit blijkt dat ${n === 1 ? "1 systeem" : `${count(l, n)} systemen`} in uw ` +
        `netwerk kwetsbaar ${n === 1 ? "is" : "zijn"} voor ${about}. U ontvangt dit bericht omdat uw adres het ` +
        `gepubliceerde abuse-contact is voor ${n === 1 ? "het adres van dit systeem" : "de adressen van deze systemen"} ` +
        `(RIPE-database, RDAP of security.txt). Hieronder staan de systemen in uw netwerk: stuur dit bericht door ` +
        `naar de klant die ze beheert, of onderneem zelf actie.`,
    });
  } else {
    blocks.push({
      p:
        `Wij hebben informatie ontvangen waaruit blijkt dat ${n === 1 ? "1 systeem" : `${count(l, n)} systemen`} van ` +
        `${v.organization.name} kwetsbaar ${n === 1 ? "is" : "zijn"} voor ${about}. U ontvangt dit bericht omdat uw ` +
        `adres bij ons geregistreerd is als contactadres voor ${n === 1 ? "dit systeem" : "deze systemen"}.`,
    });
  }

  blocks.push({ h: "Wat wij zagen" });
  const reports = reportsText(v.reports, "ernst", SEVERITY);
  if (reports) blocks.push({ p: `Gemeld in: ${reports}.` });
  blocks.push(...classificationBlocks(v, STANDARDS));
  blocks.push({
    p: `${systemen(n)}, voor het eerst gezien op ${dateTime(l, v.firstSeen)} en voor het laatst op ${dateTime(l, v.lastSeen)}:`,
  });
  blocks.push({ pre: v.sample.map(hostLine) });
  blocks.push({
    p:
      (n > v.sample.length ? `…en nog ${count(l, n - v.sample.length)} andere. ` : "") +
      `In de bijlage ${v.attachmentName} vindt u de volledige lijst (IP-adres, poort, protocol, hostnaam, ` +
      `tijdstip van waarneming, tag, versie en ernst).` +
      xarfSentence(v, STANDARDS),
  });

  const advice = v.campaign.advice;
  if (advice) blocks.push({ h: "Wat is het probleem?" }, { p: advice.summary });
  blocks.push({ h: "Wat moet u nu doen?" });
  blocks.push({
    ol:
      advice && advice.actions.length > 0
        ? advice.actions
        : [
            "Installeer zo snel mogelijk de beveiligingsupdates van de leverancier.",
            "Ga na of de systemen niet al misbruikt werden.",
          ],
  });
  if (advice?.compromiseCheck) {
    blocks.push({
      p: `Ga ook na of uw systemen niet al gecompromitteerd zijn: ${withSince(l, advice.compromiseCheck, v.campaign.compromiseSince)}`,
    });
  }
  if (advice && advice.links.length > 0) {
    blocks.push({ p: "Meer informatie:" }, { ul: advice.links.map((k) => `${k.label}: ${k.url}`) });
  }

  blocks.push({ h: "Laat ons weten wat u gedaan hebt" });
  blocks.push({
    p: reminder
      ? "Hebt u deze systemen intussen al beveiligd, of zijn ze niet van u? Laat het ons dan weten via uw persoonlijke link, waar u ook de lijst van uw systemen vindt:"
      : "Via deze persoonlijke link ziet u de lijst van uw systemen en kunt u per systeem aangeven of het gepatcht is, of u het nog onderzoekt, of dat het niet van u is:",
  });
  blocks.push({ link: v.link });
  blocks.push({
    p:
      (v.linkExpiresAt ? `De link is geldig tot ${longDate(l, v.linkExpiresAt)}. ` : "") +
      "Deel hem alleen met de mensen die deze systemen beheren.",
  });

  blocks.push({ h: "Vragen?" });
  blocks.push({
    p:
      `Beantwoord deze e-mail en laat de referentie ${v.reference} in het onderwerp staan, of bel ons op ${v.cert.phone}. ` +
      "Vindt u aanwijzingen dat een systeem gecompromitteerd is, neem dan zo snel mogelijk contact met ons op.",
  });
  blocks.push({
    p:
      `${v.cert.name} is het nationale computer security incident response team (CSIRT). Wij waarschuwen organisaties ` +
      "wanneer wij informatie ontvangen over kwetsbare of gecompromitteerde systemen in hun netwerk, zodat zij kunnen " +
      "ingrijpen voordat een aanvaller dat doet.",
  });
  blocks.push({ p: `Met vriendelijke groeten,\n${v.cert.name}\n${v.cert.website}` });
  return { subject, blocks };
};
