import type { ReportMailTexts } from "./types.ts";

export const nl: ReportMailTexts = {
  locale: "nl-BE",
  colon: ": ",
  subject: (ref) => `Wij hebben uw incidentmelding ${ref} ontvangen`,
  intro: (ref) => `Bedankt voor uw melding. Wij hebben ze ontvangen onder referentie ${ref}.`,
  summaryTitle: "Wat u meldde",
  labels: {
    reference: "Referentie",
    receivedAt: "Ontvangen op",
    reporterKind: "U meldde als",
    kind: "Soort incident",
    ongoing: "Nog aan de gang",
    startedAt: "Begonnen op",
    detectedAt: "Ontdekt op",
    attachments: "Bijlagen",
    tlp: "Verspreiding (TLP)",
  },
  ongoing: { yes: "Ja", no: "Nee", unknown: "Niet bekend" },
  noAttachments: "geen",
  nextTitle: "Wat gebeurt er nu?",
  next: ({ reference, phone }) => [
    "Een analist leest uw melding. Dringende incidenten behandelen we eerst.",
    "We nemen contact met u op als we meer informatie nodig hebben of u kunnen helpen. We vragen nooit naar uw wachtwoord.",
    `Hebt u nieuwe informatie, zoals extra bewijsmateriaal? Antwoord dan op deze e-mail en laat de referentie ${reference} in het onderwerp staan.`,
    `Is de aanval nog aan de gang? Bel ons op ${phone}.`,
  ],
  notYou:
    "Hebt u deze melding niet verstuurd? Dan heeft iemand uw e-mailadres per vergissing ingevuld en mag u dit bericht negeren.",
  reply: {
    subject: (ref) => `Uw incidentmelding ${ref}`,
    intro: (ref) => `Over uw incidentmelding ${ref}:`,
    signature: ({ author, cert }) => (author ? `${author}, ${cert}` : cert),
    howToAnswer: (ref) =>
      `Wilt u antwoorden? Beantwoord deze e-mail en laat de referentie ${ref} in het onderwerp staan.`,
  },
};
