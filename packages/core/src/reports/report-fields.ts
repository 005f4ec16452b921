// Machine values of the report form's closed choices, stored as they are; names per language live in
// the vocabulary files.

import { LANGUAGES, type Language } from "../language.ts";
import { TLP_LEVELS, type TlpLevel } from "../tlp.ts";

/** The report form speaks Baken's languages. */
export const REPORT_LANGUAGES = LANGUAGES;
export type ReportLanguage = Language;

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

/** A reporter labels the report with a TLP 2.0 level (core's TLP_LEVELS). */
export const TLPS = TLP_LEVELS;
export type TlpLabel = TlpLevel;
export const DEFAULT_REPORT_TLP: TlpLabel = "AMBER";
