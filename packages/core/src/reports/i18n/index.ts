import type { ReportLanguage } from "../report-fields.ts";
import { RSIT, RSIT_CLASSES, type RsitClass } from "../rsit.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { nl } from "./nl.ts";
import type { ReportVocabulary } from "./types.ts";

export type { ReportVocabulary } from "./types.ts";

const VOCABULARIES: Record<ReportLanguage, ReportVocabulary> = { nl, fr, de, en };

export const reportVocabulary = (lang: ReportLanguage): ReportVocabulary => VOCABULARIES[lang];

/** "Break-in" or "Break-in – System compromised" (a dash reads right in all four languages), for lists and mails. */
export function rsitLabel(lang: ReportLanguage, rsitClass: string, rsitType?: string | null): string {
  const v = VOCABULARIES[lang];
  const className = v.rsitClasses[rsitClass as RsitClass]?.name ?? rsitClass;
  if (!rsitType) return className;
  const typeName = (v.rsitTypes as Record<string, string>)[rsitType] ?? rsitType;
  return `${className} – ${typeName}`;
}

/** The taxonomy in one language, class by class with its types: what a form offers to choose from. */
export function rsitTaxonomy(lang: ReportLanguage) {
  const v = VOCABULARIES[lang];
  return RSIT_CLASSES.map((value) => ({
    value,
    name: v.rsitClasses[value].name,
    description: v.rsitClasses[value].description,
    types: RSIT[value].map((type) => ({ value: type, name: v.rsitTypes[type] })),
  }));
}
