// Machine values of the report form's closed choices, stored as they are; names per language live in
// the vocabulary files.

export const REPORT_LANGUAGES = ["nl", "fr", "de", "en"] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORTER_KINDS = ["citizen", "company", "public-sector", "non-profit", "essential-entity"] as const;
export type ReporterKind = (typeof REPORTER_KINDS)[number];

export const IMPACTS = [
  "data-stolen",
  "data-encrypted",
  "service-down",
  "money-lost",
  "accounts-taken-over",
  "unknown",
] as const;
export type Impact = (typeof IMPACTS)[number];

export const OTHER_PARTIES = [
  "police",
  "data-protection-authority",
  "security-firm",
  "sector-regulator",
  "bank",
] as const;
export type OtherParty = (typeof OTHER_PARTIES)[number];

/** TLP 2.0 labels, spelled as the database enum spells them. */
export const TLPS = ["CLEAR", "GREEN", "AMBER", "AMBER_STRICT", "RED"] as const;
export type TlpLabel = (typeof TLPS)[number];
export const DEFAULT_REPORT_TLP: TlpLabel = "AMBER";
