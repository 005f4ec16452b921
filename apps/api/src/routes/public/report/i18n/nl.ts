import type { FormTexts } from "./types.ts";

export const nl: FormTexts = {
  locale: "nl-BE",
  title: "Een incident melden",
  intro:
    "Meld ons een cyberaanval of een beveiligingsincident dat u treft, of uw organisatie, of iemand die u helpt. We lezen elke melding en u krijgt meteen een referentienummer.",
  urgent: {
    title: "Is de aanval nog bezig?",
    lead: "Doe eerst dit en vul daarna het formulier in:",
    steps: [
      "Koppel getroffen toestellen los van het netwerk (trek de kabel uit, zet wifi uit), maar laat ze aanstaan: als u ze uitschakelt, gaan sporen in het geheugen verloren.",
      "Wis, formatteer of herinstalleer niets en betaal geen losgeld voordat u met ons gesproken hebt.",
      "Bewaar logbestanden, verdachte e-mails en schermafbeeldingen: ze tonen ons wat er gebeurd is.",
      "Wijzig wachtwoorden vanaf een toestel dat niet getroffen is, eerst die van e-mail- en beheerdersaccounts.",
      "Geld overgeschreven of kaartgegevens doorgegeven? Bel meteen uw bank.",
    ],
    call: "Bel ons nu op",
    danger: "Is iemand in gevaar? Bel 112.",
  },
  requiredNote: "Velden met „verplicht” moet u invullen. De rest is niet verplicht, maar elk detail helpt ons.",
  required: "verplicht",
  sections: {
    you: "Over u",
    what: "Wat is er gebeurd?",
    details: "Meer details",
    files: "Bestanden",
    sharing: "Delen en toestemming",
  },
  fields: {
    reporterKind: { label: "U bent" },
    name: { label: "Uw naam" },
    email: {
      label: "Uw e-mailadres",
      hint: "Hierheen sturen we de bevestiging en onze vragen. Is uw mailbox mogelijk gehackt? Geef dan een adres op een ander, veilig systeem.",
    },
    phone: { label: "Telefoonnummer", hint: "Zodat we u snel kunnen terugbellen, bijvoorbeeld +32 470 12 34 56." },
    organization: {
      label: "Organisatie",
      hint: "De organisatie waarover het incident gaat. Verplicht, behalve als u meldt als particulier.",
    },
    role: { label: "Uw functie", hint: "Bijvoorbeeld IT-verantwoordelijke, zaakvoerder, externe consultant." },
    relation: {
      label: "Wie is getroffen?",
      victim: "Ik ben het slachtoffer, of ik werk voor het slachtoffer",
      onBehalf: "Ik meld voor iemand anders",
    },
    rsitClass: {
      label: "Wat voor incident is het?",
      hint: "Kies wat het best past. Niet zeker? Kies „Iets anders, of ik weet het niet”.",
    },
    rsitType: { label: "Preciezer", hint: "Alleen als u het weet.", unsure: "Ik weet het niet precies" },
    startedAt: {
      label: "Wanneer is het begonnen?",
      hint: "Een schatting is goed. Datum en uur, bijvoorbeeld 2026-11-23 14:30.",
    },
    detectedAt: { label: "Wanneer hebt u het gemerkt?", hint: "Datum en uur, bijvoorbeeld 2026-11-23 16:00." },
    ongoing: { label: "Is het nog bezig?", yes: "Ja", no: "Nee", unknown: "Ik weet het niet" },
    description: {
      label: "Wat is er gebeurd?",
      hint: "In uw eigen woorden: wat u zag, wat u deed en wat u zorgen baart. Stuur geen wachtwoorden.",
    },
    affectedSystems: {
      label: "Getroffen systemen",
      hint: "Betrokken toestellen, servers, websites of accounts: namen, IP-adressen, hostnamen.",
    },
    impact: { label: "Wat zijn de gevolgen?", hint: "Vink alles aan wat van toepassing is." },
    indicators: {
      label: "Technische sporen",
      hint: "IP-adressen, domeinnamen, hashes van bestanden, e-mailadressen van de aanvaller; zo mogelijk één per regel.",
    },
    actionsTaken: { label: "Wat hebt u al gedaan?" },
    othersInformed: { label: "Wie hebt u nog op de hoogte gebracht?", hint: "Vink alles aan wat van toepassing is." },
    expectations: {
      label: "Wat verwacht u van ons?",
      hint: "Bijvoorbeeld advies, technische hulp, of alleen dat we het weten.",
    },
    noticeReference: {
      label: "Referentie van een bericht van ons",
      hint: "Gaat het over een bericht dat wij u stuurden? Vul dan de referentie ervan in.",
    },
    tlp: {
      label: "Hoe mogen we delen wat u ons vertelt?",
      hint: "Traffic Light Protocol (TLP). Uw naam delen we nooit zonder het u te vragen.",
    },
    attachments: {
      label: "Bestanden toevoegen",
      hint: ({ maxFiles, maxSize }) =>
        `Tot ${maxFiles} bestanden van elk hoogstens ${maxSize}: logbestanden (.log, .txt, .csv, .json), schermafbeeldingen (.png, .jpg, .gif, .webp), pdf, e-mails (.eml, .msg), netwerkopnames (.pcap) of een .zip.`,
    },
    consent: {
      label: (cert) =>
        `Ik ga ermee akkoord dat ${cert} de persoonsgegevens in deze melding verwerkt om het incident af te handelen.`,
      privacyLink: "Hoe we met uw gegevens omgaan (privacyverklaring)",
    },
  },
  honeypot: "Laat dit veld leeg",
  submit: "Melding versturen",
  errors: {
    summaryTitle: "Er is een probleem",
    titlePrefix: "Fout",
    inlinePrefix: "Fout:",
    required: {
      reporterKind: "Kies wie u bent",
      name: "Vul uw naam in",
      email: "Vul uw e-mailadres in",
      organization: "Vul de naam van de organisatie in",
      relation: "Geef aan wie getroffen is",
      rsitClass: "Kies wat voor incident het is",
      description: "Beschrijf wat er gebeurd is",
      consent: "Ga akkoord met de verwerking van uw gegevens, of bel ons",
    },
    email: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.be",
    phone: "Vul een telefoonnummer in met alleen cijfers, zoals +32 470 12 34 56",
    tooLong: (label, max) => `„${label}” mag hoogstens ${max} tekens bevatten`,
    choice: (label) => `Kies bij „${label}” een van de getoonde mogelijkheden`,
    date: (label) => `Vul bij „${label}” een bestaande datum en een uur in, zoals 2026-11-23 14:30`,
    dateFuture: (label) => `Bij „${label}” kan de datum niet in de toekomst liggen`,
    dateOrder: "U kunt het niet gemerkt hebben voordat het begon: controleer beide data",
    typeClass:
      "Dit precieze type hoort niet bij het soort incident dat u koos: kies een ander type, of „Ik weet het niet precies”",
    fileType: (file) => `${file}: dit soort bestand aanvaarden we niet`,
    fileContent: (file, ext) => `${file}: de inhoud is geen .${ext}-bestand`,
    fileEmpty: (file) => `${file} is leeg`,
    fileSize: (file, max) => `${file} is groter dan ${max}`,
    fileCount: (max) => `Voeg hoogstens ${max} bestanden toe`,
    filesAgain:
      "Om veiligheidsredenen bewaren we geen bestanden als het formulier een probleem heeft: voeg ze opnieuw toe.",
  },
  abuse: {
    title: "Uw melding is niet verstuurd",
    tooFast:
      "Het formulier werd heel snel na het openen verstuurd, zoals robots dat doen. Controleer uw antwoorden en verstuur het opnieuw.",
    expired:
      "Het formulier stond lang open en is verlopen. Uw antwoorden staan er nog: controleer ze en verstuur opnieuw.",
    invalid:
      "We konden dit formulier niet controleren (het is misschien gewijzigd of vanaf een andere website verstuurd). Controleer uw antwoorden en verstuur het opnieuw.",
    honeypot: (phone) =>
      `Dit lijkt een automatische inzending, daarom hebben we ze niet aanvaard. Bent u een persoon? Verstuur het formulier dan opnieuw, of bel ons op ${phone}.`,
    rateLimited: (phone) =>
      `Er zijn in korte tijd te veel meldingen verstuurd vanaf uw verbinding. Wacht even en probeer opnieuw, of bel ons op ${phone}. Met de knop Terug van uw browser vindt u terug wat u typte.`,
    tooLarge: "Het formulier was te groot. Voeg minder of kleinere bestanden toe en probeer opnieuw.",
    backToForm: "Terug naar het formulier",
  },
  thanks: {
    title: "We hebben uw melding ontvangen",
    referenceLabel: "Uw referentie:",
    keepIt: "Bewaar deze referentie en vermeld ze telkens als u ons over dit incident contacteert.",
    nextTitle: "Wat gebeurt er nu?",
    next: (phone) => [
      "Binnen enkele minuten krijgt u een bevestiging per e-mail. Niets ontvangen? Kijk bij uw ongewenste e-mail.",
      "Een analist leest uw melding. Dringende incidenten behandelen we eerst.",
      "We nemen contact met u op als we meer informatie nodig hebben of u kunnen helpen. We vragen nooit naar uw wachtwoord.",
      `Is de aanval nog bezig of wordt het erger? Bel ons op ${phone}.`,
    ],
    another: "Nog een incident melden",
  },
  failure: {
    title: "Er ging iets mis",
    body: (phone) =>
      `Uw melding kon niet verstuurd worden door een probleem bij ons. Probeer het over enkele minuten opnieuw, of bel ons op ${phone}.`,
    badRequest: "We konden niet lezen wat uw browser verstuurde. Ga terug naar het formulier en probeer opnieuw.",
    badCharacter: (label) =>
      `Het veld “${label}” bevat een onzichtbaar stuurteken (NUL) dat niet kan worden opgeslagen. Ga terug, verwijder het en verstuur het formulier opnieuw.`,
    notFound: "Deze pagina bestaat niet.",
  },
};
