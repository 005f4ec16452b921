import type { ReportVocabulary } from "./types.ts";

export const de: ReportVocabulary = {
  rsitClasses: {
    "abusive-content": {
      name: "Missbräuchliche Inhalte",
      description: "Spam, Belästigung, Drohungen, Gewaltdarstellungen oder Darstellungen sexuellen Kindesmissbrauchs",
    },
    "malicious-code": {
      name: "Schadsoftware",
      description:
        "Ein Virus, Ransomware, ein Trojaner oder andere Schadsoftware auf einem Gerät, oder ein Server, der sie verbreitet",
    },
    "information-gathering": {
      name: "Ausspähen",
      description:
        "Ihre Systeme werden gescannt, Netzwerkverkehr wird abgefangen, oder jemand versucht, Menschen Informationen zu entlocken",
    },
    "intrusion-attempts": {
      name: "Einbruchsversuch",
      description:
        "Jemand hat versucht, in ein System einzudringen (Passwörter erraten, eine Schwachstelle ausnutzen), nach Ihrem Wissen ohne Erfolg",
    },
    intrusions: {
      name: "Einbruch",
      description: "Jemand ist in ein System, ein Konto, eine Anwendung oder ein Gebäude eingedrungen",
    },
    availability: {
      name: "Störung eines Dienstes",
      description:
        "Eine Website, ein Netzwerk oder ein System ist langsam oder nicht erreichbar: ein (D)DoS-Angriff, Sabotage oder ein Ausfall",
    },
    "information-content-security": {
      name: "Daten gestohlen, verändert oder verloren",
      description:
        "Informationen wurden unbefugt eingesehen, verändert oder veröffentlicht, oder sie sind verloren gegangen",
    },
    fraud: {
      name: "Betrug und Phishing",
      description:
        "Phishing, Auftreten unter falscher Identität (etwa CEO-Betrug), Missbrauch Ihrer Ressourcen, Raubkopien",
    },
    vulnerable: {
      name: "Schwachstelle",
      description:
        "Eine Schwachstelle, die Sie gefunden haben oder die Ihnen gemeldet wurde und die (noch) nicht ausgenutzt wurde: ein verwundbares System, ein offen erreichbarer Dienst",
    },
    other: {
      name: "Etwas anderes, oder ich weiß es nicht",
      description: "Es passt in keine der Kategorien oben, oder Sie sind sich nicht sicher",
    },
  },
  rsitTypes: {
    spam: "Spam",
    "harmful-speech": "Belästigung, Drohungen oder Hassrede",
    violence: "Darstellungen sexuellen Kindesmissbrauchs oder Gewaltdarstellungen",
    "infected-system": "Infiziertes Gerät oder infizierter Server",
    "c2-server": "Command-and-Control-Server",
    "malware-distribution": "Website oder Adresse, die Schadsoftware verbreitet",
    "malware-configuration": "Konfigurationsdatei einer Schadsoftware",
    scanner: "Scannen",
    sniffing: "Abfangen von Netzwerkverkehr",
    "social-engineering": "Social Engineering (Menschen täuschen, um an Informationen zu kommen)",
    "ids-alert": "Versuch, eine bekannte Schwachstelle auszunutzen",
    "brute-force": "Erraten von Passwörtern (wiederholte Anmeldeversuche)",
    exploit: "Versuch mit einer unbekannten Angriffsmethode",
    "privileged-account-compromise": "Administratorkonto übernommen",
    "unprivileged-account-compromise": "Benutzerkonto übernommen",
    "application-compromise": "Anwendung kompromittiert (zum Beispiel eine Website)",
    "system-compromise": "System kompromittiert",
    burglary: "Physischer Einbruch",
    dos: "Denial of Service (DoS)",
    ddos: "Distributed Denial of Service (DDoS)",
    misconfiguration: "Ausfall durch einen Konfigurationsfehler",
    sabotage: "Sabotage",
    outage: "Ausfall (kein Angriff)",
    "unauthorised-information-access": "Unbefugter Zugriff auf Informationen",
    "unauthorised-information-modification":
      "Unbefugte Veränderung von Informationen (zum Beispiel durch Ransomware verschlüsselt)",
    "data-loss": "Datenverlust",
    "data-leak": "Datenleck",
    "unauthorized-use-of-resources": "Missbrauch von Ressourcen",
    copyright: "Urheberrechtsverletzung",
    masquerade: "Auftreten unter falscher Identität (zum Beispiel CEO-Betrug oder eine gefälschte Website)",
    phishing: "Phishing",
    "weak-crypto": "Schwache Verschlüsselung",
    "ddos-amplifier": "Dienst, der zur Verstärkung von DDoS-Angriffen missbraucht werden kann",
    "potentially-unwanted-accessible": "Dienst, der nicht aus dem Internet erreichbar sein sollte",
    "information-disclosure": "Dienst, der Informationen preisgibt",
    "vulnerable-system": "Verwundbares System",
    undetermined: "Noch nicht bestimmt",
    other: "Sonstiges",
  },
  reporterKinds: {
    citizen: "Eine Privatperson",
    company: "Ein Unternehmen",
    "public-sector": "Eine Behörde oder öffentliche Einrichtung",
    "non-profit": "Ein Verein oder eine andere gemeinnützige Organisation",
    "essential-entity": "Ein Betreiber lebenswichtiger oder NIS2-regulierter Dienste",
  },
  impacts: {
    "data-stolen": "Daten wurden gestohlen oder kopiert",
    "data-encrypted": "Daten wurden verschlüsselt (Ransomware)",
    "service-down": "Ein Dienst oder System ist ausgefallen",
    "money-lost": "Es ist Geld verloren gegangen",
    "accounts-taken-over": "Konten wurden übernommen",
    unknown: "Noch nicht bekannt",
  },
  otherParties: {
    police: "Die Polizei",
    "data-protection-authority": "Die Datenschutzbehörde",
    "security-firm": "Ein IT-Sicherheitsunternehmen",
    "sector-regulator": "Eine Aufsichtsbehörde des Sektors",
    bank: "Die Bank",
  },
  tlp: {
    CLEAR: "darf veröffentlicht werden",
    GREEN: "darf innerhalb der Sicherheitsgemeinschaft geteilt, aber nicht veröffentlicht werden",
    AMBER: "nur für diejenigen, die es zur Bearbeitung des Vorfalls brauchen (die übliche Wahl)",
    AMBER_STRICT: "nur innerhalb des CERT",
    RED: "nur für die Personen, die meine Meldung bearbeiten, nicht weiterzugeben",
  },
};
