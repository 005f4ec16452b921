import type { ReportMailTexts } from "./types.ts";

// French typography: a non-breaking space (\u00a0) before ? : and ;
export const fr: ReportMailTexts = {
  locale: "fr-BE",
  colon: "\u00a0: ",
  subject: (ref) => `Nous avons bien reçu votre signalement ${ref}`,
  intro: (ref) => `Merci pour votre signalement. Nous l'avons bien reçu sous la référence ${ref}.`,
  summaryTitle: "Ce que vous avez signalé",
  labels: {
    reference: "Référence",
    receivedAt: "Reçu le",
    reporterKind: "Vous avez signalé en tant que",
    kind: "Type d'incident",
    ongoing: "Toujours en cours",
    startedAt: "Début",
    detectedAt: "Découvert le",
    attachments: "Pièces jointes",
    tlp: "Diffusion (TLP)",
  },
  ongoing: { yes: "Oui", no: "Non", unknown: "Inconnu" },
  noAttachments: "aucune",
  nextTitle: "Et maintenant\u00a0?",
  next: ({ reference, phone }) => [
    "Un analyste lit votre signalement. Les incidents urgents sont traités en priorité.",
    "Nous vous contactons si nous avons besoin de plus d'informations ou si nous pouvons vous aider. Nous ne vous demanderons jamais votre mot de passe.",
    `Vous avez de nouvelles informations, par exemple d'autres preuves\u00a0? Répondez à cet e-mail en gardant la référence ${reference} dans l'objet.`,
    `L'attaque est toujours en cours\u00a0? Appelez-nous au ${phone}.`,
  ],
  notYou:
    "Vous n'avez pas envoyé ce signalement\u00a0? Quelqu'un a alors saisi votre adresse e-mail par erreur et vous pouvez ignorer ce message.",
  reply: {
    subject: (ref) => `Votre signalement d’incident ${ref}`,
    intro: (ref) => `Au sujet de votre signalement d’incident ${ref}\u00a0:`,
    signature: ({ author, cert }) => (author ? `${author}, ${cert}` : cert),
    howToAnswer: (ref) => `Pour nous répondre, répondez à cet e-mail en gardant la référence ${ref} dans l’objet.`,
  },
};
