// The Reference Security Incident Taxonomy (ENISA / TF-CSIRT RSIT, machine-readable values as used by
// IntelMQ and MISP): classes and the types under each. Stored as these machine values; people see the
// names from the vocabulary files. The `test` class is left out: the public form has no use for it.

export const RSIT = {
  "abusive-content": ["spam", "harmful-speech", "violence"],
  "malicious-code": ["infected-system", "c2-server", "malware-distribution", "malware-configuration"],
  "information-gathering": ["scanner", "sniffing", "social-engineering"],
  "intrusion-attempts": ["ids-alert", "brute-force", "exploit"],
  intrusions: [
    "privileged-account-compromise",
    "unprivileged-account-compromise",
    "application-compromise",
    "system-compromise",
    "burglary",
  ],
  availability: ["dos", "ddos", "misconfiguration", "sabotage", "outage"],
  "information-content-security": [
    "unauthorised-information-access",
    "unauthorised-information-modification",
    "data-loss",
    "data-leak",
  ],
  fraud: ["unauthorized-use-of-resources", "copyright", "masquerade", "phishing"],
  vulnerable: [
    "weak-crypto",
    "ddos-amplifier",
    "potentially-unwanted-accessible",
    "information-disclosure",
    "vulnerable-system",
  ],
  other: ["undetermined", "other"],
} as const;

export type RsitClass = keyof typeof RSIT;
export type RsitType = (typeof RSIT)[RsitClass][number];

export const RSIT_CLASSES = Object.keys(RSIT) as RsitClass[];

/** Every RSIT type, each under one class. */
export const RSIT_TYPES = Object.values(RSIT).flat() as RsitType[];

export const isRsitClass = (value: string): value is RsitClass => Object.hasOwn(RSIT, value);

/** Whether `type` belongs under `rsitClass` (a type is only meaningful with its class). */
export const isRsitTypeOf = (rsitClass: RsitClass, type: string): type is RsitType =>
  (RSIT[rsitClass] as readonly string[]).includes(type);
