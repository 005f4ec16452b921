import type { OwnerTexts } from "./types.ts";

// French typography: a narrow no-break space (U+202F) before « : ; ? ! » and inside guillemets.
export const fr: OwnerTexts = {
  locale: "fr-BE",
  colon: "\u202f:",
  pageTitle: "Systèmes exposés\u202f: votre réponse",
  intro: (org) =>
    `Cette page est destinée à ${org}. Elle énumère les systèmes de votre organisation que nous avons trouvés exposés ` +
    "au problème décrit ci-dessous. Dites-nous ce que vous avez fait, système par système ou pour tous à la fois. " +
    "Vous pourrez modifier votre réponse par la suite.",
  reference: "Référence",
  tlp: "Diffusion",
  tlpMeaning: {
    CLEAR: "Diffusion libre.",
    GREEN: "Peut être partagé au sein de votre communauté, mais pas publiquement.",
    AMBER:
      "À ne partager qu’au sein de votre organisation et avec les personnes qui en ont besoin pour la protéger, par exemple votre prestataire informatique.",
    AMBER_STRICT: "À ne partager qu’au sein de votre organisation.",
    RED: "Réservé aux destinataires nommés\u202f: ne pas diffuser.",
  },
  cves: "Vulnérabilités",
  validUntil: (date) => `Ce lien est valable jusqu’au ${date}.`,
  about: "De quoi s’agit-il\u202f?",
  whatToDo: "Que faire maintenant\u202f?",
  compromiseCheck: "Recherchez des traces de compromission",
  compromiseSince: (date) =>
    `Des attaquants ont pu exploiter cette faille depuis le ${date}\u202f: recherchez des traces de compromission depuis cette date.`,
  moreInfo: "Pour en savoir plus",
  noAdvice:
    "Notre avis envoyé par courriel décrit le problème et la marche à suivre. Contactez-nous si quelque chose n’est pas clair.",
  hosts: {
    heading: (n) => (n === 1 ? "Votre système exposé" : `Vos systèmes exposés (${n})`),
    service: "Port / service",
    lastSeen: "Vu pour la dernière fois",
    status: "Votre réponse",
    none: "Nous n’avons plus aucun système de votre organisation enregistré pour cet avis.",
    noAnswer: "Pas encore de réponse",
    answered: (answer, date) => `${answer} (${date})`,
    compromise: (finding) => `Compromission\u202f: ${finding}`,
    stillSeen: (date) => `Toujours visible lors de notre analyse du ${date}, après votre réponse.`,
    gone: (date) => `N’est plus visible depuis le ${date}.`,
  },
  answers: {
    patched: "Corrigé\u202f: mis à jour vers une version sûre",
    mitigated: "Atténué\u202f: une solution de contournement est en place",
    investigating: "Analyse en cours",
    not_ours: "Ne nous appartient pas, ou mauvais contact",
    false_positive: "Faux positif\u202f: pas vulnérable",
    needs_help: "Nous avons besoin d’aide",
  },
  compromise: {
    yes: "Oui, nous avons trouvé des traces de compromission",
    no: "Aucune trace de compromission trouvée",
    not_checked: "Pas encore vérifié",
  },
  compromiseQuestion: "Si corrigé\u202f: avez-vous trouvé des traces de compromission\u202f?",
  compromiseHint:
    "Uniquement pour les systèmes corrigés. Si vous avez trouvé quelque chose, nous vous aiderons pour la suite.",
  whatDidYouDo: "Qu’avez-vous fait\u202f?",
  all: {
    heading: "Une seule réponse pour tous les systèmes",
    hint: (n) => (n === 1 ? "S’applique au système ci-dessus." : `S’applique aux ${n} systèmes ci-dessus.`),
    submit: (n) => (n === 1 ? "Envoyer cette réponse" : `Envoyer cette réponse pour les ${n} systèmes`),
  },
  perHost: {
    heading: "Une réponse par système",
    hint: "Laissez un système sur «\u202fAucun changement\u202f» pour conserver sa réponse actuelle.",
    noChange: "Aucun changement",
    notAnswered: "Sans réponse",
    answer: "Réponse",
    compromise: "Si corrigé\u202f: traces de compromission\u202f?",
    comment: "Commentaire (facultatif)",
    submit: "Enregistrer ces réponses",
  },
  comment: "Commentaire (facultatif)",
  commentHint: "Tout ce que nous devrions savoir\u202f: ce que vous avez changé, quand, qui contacter.",
  betterContact: "Meilleur contact (facultatif)",
  betterContactHint:
    "Ce système n’est pas le vôtre\u202f? Qui en est responsable, ou qui devons-nous contacter à votre place\u202f?",
  errors: {
    summary: "Veuillez corriger ce qui suit\u202f:",
    codes: {
      scope_invalid: "Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.",
      answer_required: "Choisissez une réponse.",
      answer_invalid: "Choisissez l’une des réponses proposées.",
      compromise_invalid: "Choisissez l’une des options proposées pour la compromission.",
      comment_too_long: "Le commentaire est trop long (2\u202f000 caractères au maximum).",
      contact_too_long: "Le contact est trop long (320 caractères au maximum).",
      nothing_chosen: "Choisissez une réponse pour au moins un système.",
      host_invalid: "Le formulaire mentionne un système absent de cette page. Rechargez la page et réessayez.",
    },
    forHost: (host, message) => `${host}\u202f: ${message}`,
  },
  help: {
    heading: "Traces de compromission, ou besoin d’aide\u202f?",
    text: "Signalez-nous l’incident\u202f: nous pouvons vous aider à le contenir et à comprendre ce qui s’est passé. Le formulaire reprend déjà la référence de cet avis.",
    link: "Signaler un incident",
  },
  done: {
    title: "Merci\u202f: votre réponse est enregistrée",
    text: (date) =>
      `Nous avons enregistré votre réponse le ${date}. Notre équipe en assure le suivi\u202f; une analyse ultérieure montrera ce qui reste exposé.`,
    current: "État actuel de vos systèmes",
    back: "Modifier une réponse",
  },
  invalid: {
    title: "Ce lien n’est pas valable",
    text: "Ce lien est inconnu, a expiré ou a été retiré. Si vous avez reçu un avis de notre part et souhaitez y répondre, contactez-nous en citant sa référence.",
  },
  formExpired: {
    title: "Ce formulaire a expiré",
    text: "Pour votre sécurité, le formulaire n’est valable que pendant une durée limitée après l’ouverture de la page. Rien n’a été enregistré.",
    reload: "Rouvrir la page",
  },
  foreignHosts: {
    title: "Ces systèmes ne font pas partie de cet avis",
    text: "Le formulaire contenait des systèmes qui n’appartiennent pas à cet avis. Rien n’a été enregistré.",
    back: "Retour à la page",
  },
  tooMany: {
    title: "Trop de requêtes",
    text: "Veuillez patienter une minute, puis réessayer.",
  },
  failed: {
    title: "Une erreur s’est produite",
    text: "Votre demande n’a pas pu être traitée. Veuillez réessayer plus tard ou nous contacter.",
  },
  contact: {
    heading: "Contact",
    text: (cert) => `Des questions\u202f? ${cert} est là pour vous aider.`,
    phone: "Téléphone",
    email: "Courriel",
    website: "Site web",
  },
};
