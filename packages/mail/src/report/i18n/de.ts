import type { ReportMailTexts } from "./types.ts";

export const de: ReportMailTexts = {
  locale: "de-BE",
  colon: ": ",
  subject: (ref) => `Wir haben Ihre Meldung ${ref} erhalten`,
  intro: (ref) => `Vielen Dank für Ihre Meldung. Wir haben sie unter der Referenznummer ${ref} erhalten.`,
  summaryTitle: "Ihre Angaben",
  labels: {
    reference: "Referenznummer",
    receivedAt: "Eingegangen am",
    reporterKind: "Sie melden als",
    kind: "Art des Vorfalls",
    ongoing: "Dauert noch an",
    startedAt: "Begonnen am",
    detectedAt: "Entdeckt am",
    attachments: "Anhänge",
    tlp: "Weitergabe (TLP)",
  },
  ongoing: { yes: "Ja", no: "Nein", unknown: "Unbekannt" },
  noAttachments: "keine",
  nextTitle: "Wie geht es weiter?",
  next: ({ reference, phone }) => [
    "Eine Analystin oder ein Analyst liest Ihre Meldung. Dringende Vorfälle bearbeiten wir zuerst.",
    "Wir melden uns bei Ihnen, wenn wir weitere Informationen brauchen oder Ihnen helfen können. Wir fragen Sie nie nach Ihrem Passwort.",
    `Haben Sie neue Informationen, etwa weitere Beweise? Antworten Sie auf diese E-Mail und lassen Sie die Referenznummer ${reference} im Betreff stehen.`,
    `Dauert der Angriff noch an? Rufen Sie uns an: ${phone}.`,
  ],
  notYou:
    "Sie haben diese Meldung nicht gesendet? Dann hat jemand Ihre E-Mail-Adresse versehentlich angegeben, und Sie können diese Nachricht ignorieren.",
  reply: {
    subject: (ref) => `Ihre Vorfallmeldung ${ref}`,
    intro: (ref) => `Zu Ihrer Vorfallmeldung ${ref}:`,
    signature: ({ author, cert }) => (author ? `${author}, ${cert}` : cert),
    howToAnswer: (ref) =>
      `Um zu antworten, antworten Sie auf diese E-Mail und behalten Sie die Referenz ${ref} im Betreff.`,
  },
};
