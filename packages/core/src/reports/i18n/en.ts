import type { ReportVocabulary } from "./types.ts";

export const en: ReportVocabulary = {
  rsitClasses: {
    "abusive-content": {
      name: "Abusive content",
      description: "Spam, harassment, threats, violent content or child sexual abuse material",
    },
    "malicious-code": {
      name: "Malware",
      description: "A virus, ransomware, a trojan or other malicious software on a device, or a server spreading it",
    },
    "information-gathering": {
      name: "Scanning and spying",
      description:
        "Your systems are being scanned, network traffic is intercepted, or someone tries to trick people into giving information",
    },
    "intrusion-attempts": {
      name: "Attempted break-in",
      description:
        "Someone tried to get into a system (guessing passwords, exploiting a vulnerability) but, as far as you know, did not succeed",
    },
    intrusions: {
      name: "Break-in",
      description: "Someone got into a system, an account, an application or a building",
    },
    availability: {
      name: "Service disruption",
      description: "A website, network or system is slow or unreachable: a (D)DoS attack, sabotage or an outage",
    },
    "information-content-security": {
      name: "Data stolen, changed or lost",
      description: "Information was accessed, changed, leaked or lost without permission",
    },
    fraud: {
      name: "Fraud and phishing",
      description: "Phishing, impersonation (such as CEO fraud), misuse of your resources, pirated software",
    },
    vulnerable: {
      name: "Vulnerability",
      description:
        "A weakness you found or were told about that has not been exploited (yet): a vulnerable system, an exposed service",
    },
    other: {
      name: "Something else, or I don't know",
      description: "It fits none of the above, or you are not sure",
    },
  },
  rsitTypes: {
    spam: "Spam",
    "harmful-speech": "Harassment, threats or hate speech",
    violence: "Child sexual abuse material or violent content",
    "infected-system": "Infected device or server",
    "c2-server": "Command-and-control server",
    "malware-distribution": "Website or address spreading malware",
    "malware-configuration": "Malware configuration file",
    scanner: "Scanning",
    sniffing: "Interception of network traffic",
    "social-engineering": "Social engineering (tricking people into giving information)",
    "ids-alert": "Attempt to exploit a known vulnerability",
    "brute-force": "Password guessing (repeated login attempts)",
    exploit: "Attempt using an unknown attack",
    "privileged-account-compromise": "Administrator account taken over",
    "unprivileged-account-compromise": "User account taken over",
    "application-compromise": "Application compromised (a website, for example)",
    "system-compromise": "System compromised",
    burglary: "Physical break-in",
    dos: "Denial of service (DoS)",
    ddos: "Distributed denial of service (DDoS)",
    misconfiguration: "Outage caused by a configuration error",
    sabotage: "Sabotage",
    outage: "Outage (not an attack)",
    "unauthorised-information-access": "Unauthorised access to information",
    "unauthorised-information-modification":
      "Unauthorised change of information (encrypted by ransomware, for example)",
    "data-loss": "Data loss",
    "data-leak": "Data leak",
    "unauthorized-use-of-resources": "Misuse of resources",
    copyright: "Copyright infringement",
    masquerade: "Impersonation (CEO fraud or a fake website, for example)",
    phishing: "Phishing",
    "weak-crypto": "Weak encryption",
    "ddos-amplifier": "Service that can be abused to amplify DDoS attacks",
    "potentially-unwanted-accessible": "Service that should not be reachable from the internet",
    "information-disclosure": "Service that discloses information",
    "vulnerable-system": "Vulnerable system",
    undetermined: "Not determined yet",
    other: "Other",
  },
  reporterKinds: {
    citizen: "A private person",
    company: "A business",
    "public-sector": "A public service",
    "non-profit": "A non-profit organisation",
    "essential-entity": "An operator of vital or NIS2-regulated services",
  },
  impacts: {
    "data-stolen": "Data was stolen or copied",
    "data-encrypted": "Data was encrypted (ransomware)",
    "service-down": "A service or system is down",
    "money-lost": "Money was lost",
    "accounts-taken-over": "Accounts were taken over",
    unknown: "Not known yet",
  },
  otherParties: {
    police: "The police",
    "data-protection-authority": "The data protection authority",
    "security-firm": "A security firm",
    "sector-regulator": "A sector regulator or supervisor",
    bank: "The bank",
  },
  tlp: {
    CLEAR: "may be made public",
    GREEN: "may be shared within the security community, not made public",
    AMBER: "only for those who need it to handle the incident (the usual choice)",
    AMBER_STRICT: "only within the CERT",
    RED: "only for the people handling my report, not to be shared",
  },
};
