import type { ReportFilter } from "../api/index.ts";

type RsitClass = NonNullable<ReportFilter["rsitClass"]>;

// The Reference Security Incident Taxonomy classes as staff read them; the machine value stays visible beside.
// Keyed by the classes the api takes: one added or renamed there does not compile here until it has a name.
export const RSIT_CLASSES: Record<RsitClass, string> = {
  "abusive-content": "Abusive content",
  "malicious-code": "Malicious code",
  "information-gathering": "Information gathering",
  "intrusion-attempts": "Intrusion attempts",
  intrusions: "Intrusions",
  availability: "Availability",
  "information-content-security": "Information content security",
  fraud: "Fraud",
  vulnerable: "Vulnerable",
  other: "Other",
};

export const rsitClasses = Object.keys(RSIT_CLASSES) as RsitClass[];
