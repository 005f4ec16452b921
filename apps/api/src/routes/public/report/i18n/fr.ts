import type { FormTexts } from "./types.ts";

// French typography: a non-breaking space (\u00a0) before ? ! : ; and inside « ».
export const fr: FormTexts = {
  locale: "fr-BE",
  title: "Signaler un incident",
  intro:
    "Signalez-nous une cyberattaque ou un incident de sécurité qui vous touche, vous, votre organisation ou une personne que vous aidez. Nous lisons chaque signalement, et vous recevez immédiatement un numéro de référence.",
  urgent: {
    title: "L'attaque est-elle toujours en cours\u00a0?",
    lead: "Faites d'abord ceci, puis remplissez le formulaire\u00a0:",
    steps: [
      "Déconnectez du réseau les appareils touchés (débranchez le câble, coupez le Wi-Fi), mais laissez-les allumés\u00a0: en les éteignant, vous détruisez les traces présentes en mémoire.",
      "N'effacez, ne formatez et ne réinstallez rien, et ne payez pas de rançon avant de nous avoir parlé.",
      "Conservez les journaux (logs), les e-mails suspects et les captures d'écran\u00a0: ils nous montrent ce qui s'est passé.",
      "Changez les mots de passe depuis un appareil qui n'est pas touché, en commençant par les comptes de messagerie et d'administrateur.",
      "Vous avez fait un virement ou communiqué les données de votre carte\u00a0? Appelez immédiatement votre banque.",
    ],
    call: "Appelez-nous maintenant au",
    danger: "Quelqu'un est en danger\u00a0? Appelez le 112.",
  },
  requiredNote:
    "Les champs marqués «\u00a0obligatoire\u00a0» doivent être remplis. Les autres sont facultatifs, mais chaque détail nous aide.",
  required: "obligatoire",
  sections: {
    you: "Vous",
    what: "Ce qui s'est passé",
    details: "Plus de détails",
    files: "Fichiers",
    sharing: "Partage et consentement",
  },
  fields: {
    reporterKind: { label: "Vous êtes" },
    name: { label: "Votre nom" },
    email: {
      label: "Votre adresse e-mail",
      hint: "Nous y envoyons la confirmation et nos questions. Si votre messagerie est peut-être piratée, indiquez une adresse sur un autre système, sûr.",
    },
    phone: {
      label: "Numéro de téléphone",
      hint: "Pour pouvoir vous rappeler rapidement, par exemple +32 470 12 34 56.",
    },
    organization: {
      label: "Organisation",
      hint: "L'organisation concernée par l'incident. Obligatoire, sauf si vous signalez en tant que particulier.",
    },
    role: { label: "Votre fonction", hint: "Par exemple responsable informatique, gérant, consultant externe." },
    relation: {
      label: "Qui a été touché\u00a0?",
      victim: "Je suis la victime, ou je travaille pour la victime",
      onBehalf: "Je signale pour quelqu'un d'autre",
    },
    rsitClass: {
      label: "De quel type d'incident s'agit-il\u00a0?",
      hint: "Choisissez ce qui correspond le mieux. Pas sûr\u00a0? Choisissez «\u00a0Autre chose, ou je ne sais pas\u00a0».",
    },
    rsitType: { label: "Plus précisément", hint: "Seulement si vous le savez.", unsure: "Je ne sais pas exactement" },
    startedAt: {
      label: "Quand cela a-t-il commencé\u00a0?",
      hint: "Une estimation suffit. Date et heure, par exemple 2026-11-23 14:30.",
    },
    detectedAt: { label: "Quand l'avez-vous remarqué\u00a0?", hint: "Date et heure, par exemple 2026-11-23 16:00." },
    ongoing: { label: "Est-ce toujours en cours\u00a0?", yes: "Oui", no: "Non", unknown: "Je ne sais pas" },
    description: {
      label: "Que s'est-il passé\u00a0?",
      hint: "Avec vos propres mots\u00a0: ce que vous avez vu, ce que vous avez fait et ce qui vous inquiète. N'envoyez pas de mots de passe.",
    },
    affectedSystems: {
      label: "Systèmes touchés",
      hint: "Appareils, serveurs, sites web ou comptes concernés\u00a0: noms, adresses IP, noms d'hôte.",
    },
    impact: { label: "Quelles sont les conséquences\u00a0?", hint: "Cochez tout ce qui s'applique." },
    indicators: {
      label: "Traces techniques",
      hint: "Adresses IP, noms de domaine, empreintes (hash) de fichiers, adresses e-mail de l'attaquant\u00a0; si possible une par ligne.",
    },
    actionsTaken: { label: "Qu'avez-vous déjà fait\u00a0?" },
    othersInformed: { label: "Qui d'autre avez-vous prévenu\u00a0?", hint: "Cochez tout ce qui s'applique." },
    expectations: {
      label: "Qu'attendez-vous de nous\u00a0?",
      hint: "Par exemple des conseils, une aide technique, ou simplement nous informer.",
    },
    noticeReference: {
      label: "Référence d'un message de notre part",
      hint: "S'il s'agit d'une notification que nous vous avons envoyée, indiquez sa référence.",
    },
    tlp: {
      label: "Comment pouvons-nous partager ce que vous nous dites\u00a0?",
      hint: "Traffic Light Protocol (TLP). Nous ne communiquons jamais votre nom sans vous le demander.",
    },
    attachments: {
      label: "Joindre des fichiers",
      hint: ({ maxFiles, maxSize }) =>
        `Jusqu'à ${maxFiles} fichiers de ${maxSize} maximum chacun\u00a0: journaux (.log, .txt, .csv, .json), captures d'écran (.png, .jpg, .gif, .webp), PDF, e-mails (.eml, .msg), captures réseau (.pcap) ou un .zip.`,
    },
    consent: {
      label: (cert) =>
        `J'accepte que ${cert} utilise les données personnelles de ce signalement pour gérer l'incident.`,
      privacyLink: "Comment nous traitons vos données (déclaration de confidentialité)",
    },
  },
  honeypot: "Laissez ce champ vide",
  submit: "Envoyer le signalement",
  errors: {
    summaryTitle: "Il y a un problème",
    titlePrefix: "Erreur",
    inlinePrefix: "Erreur\u00a0:",
    required: {
      reporterKind: "Indiquez qui vous êtes",
      name: "Indiquez votre nom",
      email: "Indiquez votre adresse e-mail",
      organization: "Indiquez le nom de l'organisation",
      relation: "Indiquez qui a été touché",
      rsitClass: "Choisissez le type d'incident",
      description: "Décrivez ce qui s'est passé",
      consent: "Acceptez le traitement de vos données, ou appelez-nous",
    },
    email: "Indiquez une adresse e-mail valide, par exemple nom@exemple.be",
    phone: "Indiquez un numéro de téléphone composé uniquement de chiffres, par exemple +32 470 12 34 56",
    tooLong: (label, max) => `«\u00a0${label}\u00a0» peut contenir au maximum ${max} caractères`,
    choice: (label) => `Pour «\u00a0${label}\u00a0», choisissez l'une des options proposées`,
    date: (label) =>
      `Pour «\u00a0${label}\u00a0», indiquez une date et une heure qui existent, par exemple 2026-11-23 14:30`,
    dateFuture: (label) => `Pour «\u00a0${label}\u00a0», la date ne peut pas être dans le futur`,
    dateOrder: "Vous ne pouvez pas l'avoir remarqué avant que cela commence\u00a0: vérifiez les deux dates",
    typeClass:
      "Ce type précis ne correspond pas au type d'incident choisi\u00a0: choisissez-en un autre, ou «\u00a0Je ne sais pas exactement\u00a0»",
    fileType: (file) => `${file}\u00a0: ce type de fichier n'est pas accepté`,
    fileContent: (file, ext) => `${file}\u00a0: le contenu n'est pas celui d'un fichier .${ext}`,
    fileEmpty: (file) => `${file} est vide`,
    fileSize: (file, max) => `${file} dépasse ${max}`,
    fileCount: (max) => `Joignez au maximum ${max} fichiers`,
    filesAgain:
      "Par sécurité, les fichiers ne sont pas conservés quand le formulaire contient un problème\u00a0: joignez-les à nouveau.",
  },
  abuse: {
    title: "Votre signalement n'a pas été envoyé",
    tooFast:
      "Le formulaire a été envoyé très vite après son ouverture, comme le font les robots. Vérifiez vos réponses et envoyez-le à nouveau.",
    expired:
      "Le formulaire est resté ouvert longtemps et a expiré. Vos réponses sont toujours là\u00a0: vérifiez-les et envoyez-le à nouveau.",
    invalid:
      "Nous n'avons pas pu vérifier ce formulaire (il a peut-être été modifié ou envoyé depuis un autre site). Vérifiez vos réponses et envoyez-le à nouveau.",
    honeypot: (phone) =>
      `Cet envoi semble automatique, nous ne l'avons donc pas accepté. Si vous êtes une personne, envoyez à nouveau le formulaire, ou appelez-nous au ${phone}.`,
    rateLimited: (phone) =>
      `Trop de signalements ont été envoyés depuis votre connexion en peu de temps. Patientez un peu et réessayez, ou appelez-nous au ${phone}. Le bouton Retour de votre navigateur vous ramène à ce que vous aviez saisi.`,
    tooLarge:
      "Le formulaire était trop volumineux. Joignez moins de fichiers ou des fichiers plus petits, puis réessayez.",
    backToForm: "Retour au formulaire",
  },
  thanks: {
    title: "Nous avons bien reçu votre signalement",
    referenceLabel: "Votre référence\u00a0:",
    keepIt: "Conservez cette référence et mentionnez-la chaque fois que vous nous contactez au sujet de cet incident.",
    nextTitle: "Et maintenant\u00a0?",
    next: (phone) => [
      "Vous recevrez une confirmation par e-mail d'ici quelques minutes. Rien reçu\u00a0? Regardez dans vos courriers indésirables.",
      "Un analyste lit votre signalement. Les incidents urgents sont traités en priorité.",
      "Nous vous contactons si nous avons besoin de plus d'informations ou si nous pouvons vous aider. Nous ne vous demanderons jamais votre mot de passe.",
      `L'attaque est toujours en cours ou s'aggrave\u00a0? Appelez-nous au ${phone}.`,
    ],
    another: "Signaler un autre incident",
  },
  failure: {
    title: "Un problème est survenu",
    body: (phone) =>
      `Votre signalement n'a pas pu être envoyé à cause d'un problème de notre côté. Réessayez dans quelques minutes, ou appelez-nous au ${phone}.`,
    badRequest: "Nous n'avons pas pu lire ce que votre navigateur a envoyé. Retournez au formulaire et réessayez.",
    badCharacter: (label) =>
      `Le champ « ${label} » contient un caractère de contrôle invisible (NUL) qui ne peut pas être enregistré. Revenez en arrière, supprimez-le et renvoyez le formulaire.`,
    notFound: "Cette page n'existe pas.",
  },
};
