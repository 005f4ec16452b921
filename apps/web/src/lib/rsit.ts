// The Reference Security Incident Taxonomy classes as staff read them; the machine value stays visible beside.
export const RSIT_CLASSES: Record<string, string> = {
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

export const rsitName = (cls: string) => RSIT_CLASSES[cls] ?? cls;
