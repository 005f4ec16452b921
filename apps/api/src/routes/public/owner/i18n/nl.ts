import type { OwnerTexts } from "./types.ts";

export const nl: OwnerTexts = {
  locale: "nl-BE",
  colon: ":",
  pageTitle: "Blootgestelde systemen: uw antwoord",
  intro: (org) =>
    `Deze pagina is bestemd voor ${org}. Ze toont de systemen van uw organisatie die wij kwetsbaar aantroffen voor het ` +
    "onderstaande probleem. Laat ons weten wat u eraan gedaan hebt: per systeem of voor alle systemen tegelijk. " +
    "U kunt uw antwoord later nog wijzigen.",
  reference: "Referentie",
  tlp: "Delen",
  tlpMeaning: {
    CLEAR: "Mag vrij gedeeld worden.",
    GREEN: "Mag gedeeld worden binnen uw gemeenschap, maar niet publiek.",
    AMBER:
      "Alleen delen binnen uw organisatie en met wie dit nodig heeft om haar te beschermen, zoals uw IT-leverancier.",
    AMBER_STRICT: "Alleen delen binnen uw organisatie.",
    RED: "Alleen voor de genoemde ontvangers: niet verder delen.",
  },
  cves: "Kwetsbaarheden",
  validUntil: (date) => `Deze link werkt tot ${date}.`,
  about: "Wat er aan de hand is",
  whatToDo: "Wat u nu moet doen",
  compromiseCheck: "Zoek naar sporen van inbraak",
  compromiseSince: (date) =>
    `Aanvallers kunnen dit lek sinds ${date} misbruikt hebben: zoek vanaf die datum naar sporen van inbraak.`,
  moreInfo: "Meer informatie",
  noAdvice:
    "Ons bericht per e-mail beschrijft het probleem en wat u moet doen. Neem contact met ons op als iets niet duidelijk is.",
  hosts: {
    heading: (n) => (n === 1 ? "Uw blootgestelde systeem" : `Uw blootgestelde systemen (${n})`),
    service: "Poort / dienst",
    lastSeen: "Laatst gezien",
    status: "Uw antwoord",
    none: "Voor dit bericht staan er geen systemen van uw organisatie meer bij ons geregistreerd.",
    noAnswer: "Nog geen antwoord",
    answered: (answer, date) => `${answer} (${date})`,
    compromise: (finding) => `Inbraak: ${finding}`,
    stillSeen: (date) => `Na uw antwoord nog gezien door onze scan op ${date}.`,
    gone: (date) => `Niet meer gezien sinds ${date}.`,
  },
  answers: {
    patched: "Gepatcht: bijgewerkt naar een veilige versie",
    mitigated: "Afgeschermd: er is een tijdelijke oplossing",
    investigating: "We onderzoeken het",
    not_ours: "Niet van ons, of verkeerde contactpersoon",
    false_positive: "Vals alarm: niet kwetsbaar",
    needs_help: "We hebben hulp nodig",
  },
  compromise: {
    yes: "Ja, we vonden sporen van inbraak",
    no: "Geen sporen van inbraak gevonden",
    not_checked: "Nog niet nagekeken",
  },
  compromiseQuestion: "Indien gepatcht: vond u sporen van inbraak?",
  compromiseHint: "Enkel voor gepatchte systemen. Vond u iets, dan helpen wij u met de volgende stappen.",
  whatDidYouDo: "Wat hebt u gedaan?",
  all: {
    heading: "Eén antwoord voor alle systemen",
    hint: (n) => (n === 1 ? "Geldt voor het systeem hierboven." : `Geldt voor alle ${n} systemen hierboven.`),
    submit: (n) => (n === 1 ? "Antwoord versturen" : `Antwoord versturen voor alle ${n} systemen`),
  },
  perHost: {
    heading: "Een antwoord per systeem",
    hint: "Laat een systeem op „Geen wijziging” staan om het huidige antwoord te behouden.",
    noChange: "Geen wijziging",
    notAnswered: "Niet beantwoord",
    answer: "Antwoord",
    compromise: "Indien gepatcht: sporen van inbraak?",
    comment: "Opmerking (optioneel)",
    submit: "Deze antwoorden opslaan",
  },
  comment: "Opmerking (optioneel)",
  commentHint: "Alles wat wij moeten weten: wat u veranderde, wanneer, wie we kunnen contacteren.",
  betterContact: "Betere contactpersoon (optioneel)",
  betterContactHint: "Is dit niet van u? Wie is er verantwoordelijk, of wie moeten we in uw plaats contacteren?",
  errors: {
    summary: "Verbeter het volgende:",
    codes: {
      scope_invalid: "Het formulier kon niet gelezen worden. Laad de pagina opnieuw en probeer het nog eens.",
      answer_required: "Kies een antwoord.",
      answer_invalid: "Kies een van de voorgestelde antwoorden.",
      compromise_invalid: "Kies een van de voorgestelde mogelijkheden voor inbraak.",
      comment_too_long: "De opmerking is te lang (hoogstens 2.000 tekens).",
      contact_too_long: "De contactgegevens zijn te lang (hoogstens 320 tekens).",
      nothing_chosen: "Kies een antwoord voor minstens één systeem.",
      host_invalid:
        "Het formulier vermeldt een systeem dat niet op deze pagina staat. Laad de pagina opnieuw en probeer het nog eens.",
    },
    forHost: (host, message) => `${host}: ${message}`,
  },
  help: {
    heading: "Sporen van inbraak, of hulp nodig?",
    text: "Meld het incident bij ons: wij helpen u het in te dijken en uit te zoeken wat er gebeurd is. De referentie van dit bericht staat al in het formulier.",
    link: "Een incident melden",
  },
  done: {
    title: "Bedankt: uw antwoord is geregistreerd",
    text: (date) =>
      `Wij registreerden uw antwoord op ${date}. Ons team volgt het op; een latere scan toont wat nog blootgesteld is.`,
    current: "Huidige status van uw systemen",
    back: "Een antwoord wijzigen",
  },
  invalid: {
    title: "Deze link is niet geldig",
    text: "De link is onbekend, verlopen of ingetrokken. Hebt u een bericht van ons ontvangen en wilt u erop antwoorden? Neem dan contact met ons op en vermeld de referentie ervan.",
  },
  formExpired: {
    title: "Dit formulier is verlopen",
    text: "Voor uw veiligheid blijft het formulier maar een beperkte tijd geldig nadat de pagina geopend werd. Er werd niets geregistreerd.",
    reload: "De pagina opnieuw openen",
  },
  foreignHosts: {
    title: "Deze systemen horen niet bij dit bericht",
    text: "Het formulier bevatte systemen die niet bij dit bericht horen. Er werd niets geregistreerd.",
    back: "Terug naar de pagina",
  },
  tooMany: {
    title: "Te veel verzoeken",
    text: "Wacht een minuut en probeer het dan opnieuw.",
  },
  failed: {
    title: "Er ging iets mis",
    text: "Uw verzoek kon niet verwerkt worden. Probeer het later opnieuw of neem contact met ons op.",
  },
  contact: {
    heading: "Contact",
    text: (cert) => `Vragen? ${cert} helpt u graag verder.`,
    phone: "Telefoon",
    email: "E-mail",
    website: "Website",
  },
};
