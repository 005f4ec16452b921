import type { ReportVocabulary } from "./types.ts";

export const nl: ReportVocabulary = {
  rsitClasses: {
    "abusive-content": {
      name: "Schadelijke inhoud",
      description: "Spam, intimidatie, bedreigingen, gewelddadige inhoud of beelden van seksueel kindermisbruik",
    },
    "malicious-code": {
      name: "Malware",
      description:
        "Een virus, ransomware, een trojan of andere kwaadaardige software op een toestel, of een server die ze verspreidt",
    },
    "information-gathering": {
      name: "Scannen en spioneren",
      description:
        "Uw systemen worden gescand, netwerkverkeer wordt onderschept, of iemand probeert mensen informatie te ontfutselen",
    },
    "intrusion-attempts": {
      name: "Poging tot inbraak",
      description:
        "Iemand probeerde binnen te dringen in een systeem (wachtwoorden raden, een kwetsbaarheid misbruiken), voor zover u weet zonder succes",
    },
    intrusions: {
      name: "Inbraak",
      description: "Iemand is binnengedrongen in een systeem, een account, een toepassing of een gebouw",
    },
    availability: {
      name: "Verstoring van een dienst",
      description:
        "Een website, netwerk of systeem is traag of onbereikbaar: een (D)DoS-aanval, sabotage of een storing",
    },
    "information-content-security": {
      name: "Gegevens gestolen, gewijzigd of verloren",
      description: "Informatie werd zonder toestemming ingekeken, gewijzigd of gelekt, of ging verloren",
    },
    fraud: {
      name: "Fraude en phishing",
      description:
        "Phishing, zich voordoen als iemand anders (zoals CEO-fraude), misbruik van uw middelen, illegale software",
    },
    vulnerable: {
      name: "Kwetsbaarheid",
      description:
        "Een zwakke plek die u vond of die u gemeld werd en die (nog) niet misbruikt is: een kwetsbaar systeem, een blootgestelde dienst",
    },
    other: {
      name: "Iets anders, of ik weet het niet",
      description: "Het past bij geen van de categorieën hierboven, of u bent niet zeker",
    },
  },
  rsitTypes: {
    spam: "Spam",
    "harmful-speech": "Intimidatie, bedreigingen of haatboodschappen",
    violence: "Beelden van seksueel kindermisbruik of gewelddadige inhoud",
    "infected-system": "Besmet toestel of besmette server",
    "c2-server": "Command-and-controlserver",
    "malware-distribution": "Website of adres dat malware verspreidt",
    "malware-configuration": "Configuratiebestand van malware",
    scanner: "Scannen",
    sniffing: "Onderscheppen van netwerkverkeer",
    "social-engineering": "Social engineering (mensen misleiden om informatie los te krijgen)",
    "ids-alert": "Poging om een gekende kwetsbaarheid te misbruiken",
    "brute-force": "Wachtwoorden raden (herhaalde inlogpogingen)",
    exploit: "Poging met een onbekende aanvalstechniek",
    "privileged-account-compromise": "Beheerdersaccount overgenomen",
    "unprivileged-account-compromise": "Gebruikersaccount overgenomen",
    "application-compromise": "Toepassing gecompromitteerd (bijvoorbeeld een website)",
    "system-compromise": "Systeem gecompromitteerd",
    burglary: "Fysieke inbraak",
    dos: "Denial of service (DoS)",
    ddos: "Distributed denial of service (DDoS)",
    misconfiguration: "Storing door een configuratiefout",
    sabotage: "Sabotage",
    outage: "Storing (geen aanval)",
    "unauthorised-information-access": "Ongeoorloofde toegang tot informatie",
    "unauthorised-information-modification":
      "Ongeoorloofde wijziging van informatie (bijvoorbeeld versleuteld door ransomware)",
    "data-loss": "Verlies van gegevens",
    "data-leak": "Datalek",
    "unauthorized-use-of-resources": "Misbruik van middelen",
    copyright: "Inbreuk op het auteursrecht",
    masquerade: "Zich voordoen als iemand anders (bijvoorbeeld CEO-fraude of een valse website)",
    phishing: "Phishing",
    "weak-crypto": "Zwakke versleuteling",
    "ddos-amplifier": "Dienst die misbruikt kan worden om DDoS-aanvallen te versterken",
    "potentially-unwanted-accessible": "Dienst die niet vanaf het internet bereikbaar zou mogen zijn",
    "information-disclosure": "Dienst die informatie prijsgeeft",
    "vulnerable-system": "Kwetsbaar systeem",
    undetermined: "Nog niet bepaald",
    other: "Andere",
  },
  reporterKinds: {
    citizen: "Een particulier",
    company: "Een bedrijf",
    "public-sector": "Een overheidsdienst",
    "non-profit": "Een vzw of andere organisatie zonder winstoogmerk",
    "essential-entity": "Een aanbieder van vitale of NIS2-gereguleerde diensten",
  },
  impacts: {
    "data-stolen": "Er zijn gegevens gestolen of gekopieerd",
    "data-encrypted": "Er zijn gegevens versleuteld (ransomware)",
    "service-down": "Een dienst of systeem ligt plat",
    "money-lost": "Er is geld verloren",
    "accounts-taken-over": "Er zijn accounts overgenomen",
    unknown: "Nog niet bekend",
  },
  otherParties: {
    police: "De politie",
    "data-protection-authority": "De gegevensbeschermingsautoriteit",
    "security-firm": "Een beveiligingsbedrijf",
    "sector-regulator": "Een sectorale toezichthouder",
    bank: "De bank",
  },
  tlp: {
    CLEAR: "mag openbaar gemaakt worden",
    GREEN: "mag gedeeld worden binnen de beveiligingsgemeenschap, niet openbaar",
    AMBER: "enkel voor wie het nodig heeft om het incident af te handelen (de gebruikelijke keuze)",
    AMBER_STRICT: "enkel binnen het CERT",
    RED: "enkel voor de mensen die mijn melding behandelen, niet te delen",
  },
};
