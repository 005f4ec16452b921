import type { ReportVocabulary } from "./types.ts";

export const fr: ReportVocabulary = {
  rsitClasses: {
    "abusive-content": {
      name: "Contenu abusif",
      description: "Spam, harcèlement, menaces, contenus violents ou images d'abus sexuels sur des enfants",
    },
    "malicious-code": {
      name: "Logiciel malveillant",
      description:
        "Un virus, un rançongiciel, un cheval de Troie ou un autre logiciel malveillant sur un appareil, ou un serveur qui le diffuse",
    },
    "information-gathering": {
      name: "Repérage et espionnage",
      description:
        "Vos systèmes sont scannés, le trafic réseau est intercepté, ou quelqu'un tente de soutirer des informations à des personnes",
    },
    "intrusion-attempts": {
      name: "Tentative d'intrusion",
      description:
        "Quelqu'un a tenté de s'introduire dans un système (en devinant des mots de passe, en exploitant une vulnérabilité), sans succès à votre connaissance",
    },
    intrusions: {
      name: "Intrusion",
      description: "Quelqu'un s'est introduit dans un système, un compte, une application ou un bâtiment",
    },
    availability: {
      name: "Perturbation d'un service",
      description: "Un site web, un réseau ou un système est lent ou inaccessible : attaque (D)DoS, sabotage ou panne",
    },
    "information-content-security": {
      name: "Données volées, modifiées ou perdues",
      description: "Des informations ont été consultées, modifiées ou divulguées sans autorisation, ou ont été perdues",
    },
    fraud: {
      name: "Fraude et hameçonnage",
      description:
        "Hameçonnage (phishing), usurpation d'identité (comme la fraude au président), utilisation abusive de vos ressources, logiciels piratés",
    },
    vulnerable: {
      name: "Vulnérabilité",
      description:
        "Une faiblesse que vous avez découverte ou qu'on vous a signalée et qui n'a pas (encore) été exploitée : un système vulnérable, un service exposé",
    },
    other: {
      name: "Autre chose, ou je ne sais pas",
      description: "Cela ne correspond à aucune des catégories ci-dessus, ou vous n'en êtes pas sûr",
    },
  },
  rsitTypes: {
    spam: "Spam (pourriel)",
    "harmful-speech": "Harcèlement, menaces ou discours de haine",
    violence: "Images d'abus sexuels sur des enfants ou contenus violents",
    "infected-system": "Appareil ou serveur infecté",
    "c2-server": "Serveur de commande et de contrôle (C2)",
    "malware-distribution": "Site web ou adresse qui diffuse un logiciel malveillant",
    "malware-configuration": "Fichier de configuration d'un logiciel malveillant",
    scanner: "Scan (balayage)",
    sniffing: "Interception du trafic réseau",
    "social-engineering": "Ingénierie sociale (manipuler des personnes pour obtenir des informations)",
    "ids-alert": "Tentative d'exploitation d'une vulnérabilité connue",
    "brute-force": "Mots de passe devinés (tentatives de connexion répétées)",
    exploit: "Tentative au moyen d'une attaque inconnue",
    "privileged-account-compromise": "Compte administrateur piraté",
    "unprivileged-account-compromise": "Compte utilisateur piraté",
    "application-compromise": "Application compromise (par exemple un site web)",
    "system-compromise": "Système compromis",
    burglary: "Effraction physique",
    dos: "Déni de service (DoS)",
    ddos: "Déni de service distribué (DDoS)",
    misconfiguration: "Panne due à une erreur de configuration",
    sabotage: "Sabotage",
    outage: "Panne (pas une attaque)",
    "unauthorised-information-access": "Accès non autorisé à des informations",
    "unauthorised-information-modification":
      "Modification non autorisée d'informations (par exemple chiffrées par un rançongiciel)",
    "data-loss": "Perte de données",
    "data-leak": "Fuite de données",
    "unauthorized-use-of-resources": "Utilisation abusive de ressources",
    copyright: "Atteinte au droit d'auteur",
    masquerade: "Usurpation d'identité (par exemple fraude au président ou faux site web)",
    phishing: "Hameçonnage (phishing)",
    "weak-crypto": "Chiffrement faible",
    "ddos-amplifier": "Service pouvant être détourné pour amplifier des attaques DDoS",
    "potentially-unwanted-accessible": "Service qui ne devrait pas être accessible depuis Internet",
    "information-disclosure": "Service qui divulgue des informations",
    "vulnerable-system": "Système vulnérable",
    undetermined: "Pas encore déterminé",
    other: "Autre",
  },
  reporterKinds: {
    citizen: "Un particulier",
    company: "Une entreprise",
    "public-sector": "Un service public",
    "non-profit": "Une ASBL ou une autre organisation sans but lucratif",
    "essential-entity": "Un opérateur de services vitaux ou soumis à NIS2",
  },
  impacts: {
    "data-stolen": "Des données ont été volées ou copiées",
    "data-encrypted": "Des données ont été chiffrées (rançongiciel)",
    "service-down": "Un service ou un système est à l'arrêt",
    "money-lost": "De l'argent a été perdu",
    "accounts-taken-over": "Des comptes ont été piratés",
    unknown: "Pas encore connu",
  },
  otherParties: {
    police: "La police",
    "data-protection-authority": "L'autorité de protection des données",
    "security-firm": "Une société de sécurité informatique",
    "sector-regulator": "Une autorité de contrôle du secteur",
    bank: "La banque",
  },
  tlp: {
    CLEAR: "peut être rendu public",
    GREEN: "peut être partagé au sein de la communauté de la sécurité, mais pas rendu public",
    AMBER: "uniquement pour ceux qui en ont besoin pour traiter l'incident (le choix habituel)",
    AMBER_STRICT: "uniquement au sein du CERT",
    RED: "uniquement pour les personnes qui traitent mon signalement, à ne pas partager",
  },
};
