import { tlpLabel } from "@baken/core";
import { count, dateTime, hostLine, longDate, reportsText, withSince } from "../format.ts";
import { classificationBlocks, xarfSentence, type StandardsWords } from "../standards.ts";
import type { Block } from "../view.ts";
import type { NoticeTemplate } from "./types.ts";

// French typography: a non-breaking space before : ? ! (written \u00a0 so the line cannot break there).
const TLP = {
  CLEAR: "ces informations peuvent être diffusées sans restriction.",
  GREEN: "vous pouvez partager ces informations au sein de votre communauté, mais pas publiquement.",
  AMBER:
    "vous pouvez partager ces informations au sein de votre organisation et avec vos clients qui en ont besoin pour se protéger.",
  AMBER_STRICT: "vous ne pouvez partager ces informations qu'au sein de votre organisation.",
  RED: "strictement réservé aux destinataires nommés\u00a0; ne les diffusez pas.",
};
const SEVERITY: Record<string, string> = {
  info: "informative",
  low: "faible",
  medium: "moyenne",
  high: "élevée",
  critical: "critique",
};

const STANDARDS: StandardsWords = {
  classification: "Classification (taxonomie RSIT)\u00a0:",
  cves: "Fiches CVE\u00a0:",
  xarf: (files) =>
    `Pour les outils de traitement des abus, chaque système est aussi décrit au format X-ARF v4\u00a0: ${files}.`,
  xarfOmitted: (above) =>
    `Au-delà de ${above} systèmes, aucun rapport X-ARF n'est joint\u00a0; le fichier CSV les reprend tous.`,
};

const systemes = (n: number) => (n === 1 ? "1 système" : `${count("fr", n)} systèmes`);

export const fr: NoticeTemplate = (v) => {
  const l = "fr";
  const n = v.hostCount;
  const cves = v.campaign.cves.length > 0 ? `${v.campaign.cves.join(", ")}\u00a0; ` : "";
  const about = `${v.campaign.name} (${cves}gravité\u00a0: ${SEVERITY[v.campaign.severity] ?? v.campaign.severity})`;
  const reminder = v.kind === "reminder";
  const subject = reminder
    ? `[${v.reference}] ${tlpLabel(v.tlp)} Rappel\u00a0: ${v.campaign.name}\u00a0: ${n === 1 ? "1 système toujours vulnérable" : `${count(l, n)} systèmes toujours vulnérables`}`
    : `[${v.reference}] ${tlpLabel(v.tlp)} ${v.campaign.name}\u00a0: ${n === 1 ? "1 système vulnérable" : `${count(l, n)} systèmes vulnérables`}`;

  const blocks: Block[] = [{ p: `${tlpLabel(v.tlp)}\u00a0: ${TLP[v.tlp]}` }, { p: "Madame, Monsieur," }];
  if (reminder) {
    blocks.push({
      p:
        `Le ${longDate(l, v.firstNoticeAt ?? v.firstSeen)}, nous vous avons signalé que des systèmes de ` +
        `${v.organization.name} étaient vulnérables à ${about}. Selon nos données les plus récentes, ` +
        `${n === 1 ? "1 système est" : `${count(l, n)} systèmes sont`} toujours ${n === 1 ? "vulnérable" : "vulnérables"} ` +
        `(dernière observation le ${dateTime(l, v.lastSeen)}). Nous vous demandons donc à nouveau d'agir.`,
    });
  } else if (v.organization.operator) {
    blocks.push({
      p:
        `Nous avons reçu des informations indiquant ${n === 1 ? "qu'un système" : `que ${count(l, n)} systèmes`} de ` +
        `votre réseau ${n === 1 ? "est vulnérable" : "sont vulnérables"} à ${about}. Vous recevez ce message parce que ` +
        `votre adresse est le contact abuse publié pour ${n === 1 ? "l'adresse de ce système" : "les adresses de ces systèmes"} ` +
        `(base de données RIPE, RDAP ou security.txt). Les systèmes de votre réseau sont listés ci-dessous : merci de ` +
        `transmettre ce message au client qui les exploite, ou d'agir vous-même.`,
    });
  } else {
    blocks.push({
      p:
        `Nous avons reçu des informations indiquant ${n === 1 ? "qu'un système" : `que ${count(l, n)} systèmes`} de ` +
        `${v.organization.name} ${n === 1 ? "est vulnérable" : "sont vulnérables"} à ${about}. Vous recevez ce message ` +
        `parce que votre adresse est enregistrée chez nous comme contact pour ${n === 1 ? "ce système" : "ces systèmes"}.`,
    });
  }

  blocks.push({ h: "Ce que nous avons observé" });
  const reports = reportsText(v.reports, "gravité", SEVERITY, "\u00a0: ");
  if (reports) blocks.push({ p: `Signalé dans\u00a0: ${reports}.` });
  blocks.push(...classificationBlocks(v, STANDARDS));
  blocks.push({
    p: `${systemes(n)}, ${n === 1 ? "observé" : "observés"} pour la première fois le ${dateTime(l, v.firstSeen)} et pour la dernière fois le ${dateTime(l, v.lastSeen)}\u00a0:`,
  });
  blocks.push({ pre: v.sample.map(hostLine) });
  blocks.push({
    p:
      (n > v.sample.length ? `…et ${count(l, n - v.sample.length)} autres. ` : "") +
      `Le fichier joint ${v.attachmentName} contient la liste complète (adresse IP, port, protocole, nom d'hôte, ` +
      `date d'observation, étiquette, version et gravité).` +
      xarfSentence(v, STANDARDS),
  });

  const advice = v.campaign.advice;
  if (advice) blocks.push({ h: "De quoi s'agit-il\u00a0?" }, { p: advice.summary });
  blocks.push({ h: "Que faire maintenant\u00a0?" });
  blocks.push({
    ol:
      advice && advice.actions.length > 0
        ? advice.actions
        : [
            "Installez au plus vite les mises à jour de sécurité du fournisseur.",
            "Vérifiez que les systèmes n'ont pas déjà été compromis.",
          ],
  });
  if (advice?.compromiseCheck) {
    blocks.push({
      p: `Vérifiez aussi que vos systèmes n'ont pas déjà été compromis\u00a0: ${withSince(l, advice.compromiseCheck, v.campaign.compromiseSince)}`,
    });
  }
  if (advice && advice.links.length > 0) {
    blocks.push({ p: "Pour en savoir plus\u00a0:" }, { ul: advice.links.map((k) => `${k.label}\u00a0: ${k.url}`) });
  }

  blocks.push({ h: "Dites-nous ce que vous avez fait" });
  blocks.push({
    p: reminder
      ? "Si vous avez déjà corrigé ces systèmes, ou s'ils ne vous appartiennent pas, merci de nous le signaler via votre lien personnel, qui reprend aussi la liste de vos systèmes\u00a0:"
      : "Ce lien personnel affiche la liste de vos systèmes et vous permet d'indiquer, pour chacun d'eux, s'il a été corrigé, si l'analyse est en cours ou s'il ne vous appartient pas\u00a0:",
  });
  blocks.push({ link: v.link });
  blocks.push({
    p:
      (v.linkExpiresAt ? `Ce lien est valable jusqu'au ${longDate(l, v.linkExpiresAt)}. ` : "") +
      "Ne le transmettez qu'aux personnes qui gèrent ces systèmes.",
  });

  blocks.push({ h: "Des questions\u00a0?" });
  blocks.push({
    p:
      `Répondez à ce courriel en conservant la référence ${v.reference} dans l'objet, ou appelez-nous au ${v.cert.phone}. ` +
      "Si vous découvrez des traces de compromission, contactez-nous sans tarder.",
  });
  blocks.push({
    p:
      `${v.cert.name} est l'équipe nationale de réponse aux incidents de sécurité informatique (CSIRT). Nous avertissons ` +
      "les organisations lorsque nous apprenons que des systèmes de leur réseau sont vulnérables ou compromis, afin " +
      "qu'elles puissent agir avant un attaquant.",
  });
  blocks.push({ p: `Meilleures salutations,\n${v.cert.name}\n${v.cert.website}` });
  return { subject, blocks };
};
