import { z } from "zod";
import { LANGUAGES, type Language } from "./language.ts";
import { TLP_LEVELS } from "./tlp.ts";

export { LANGUAGES, type Language };

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/**
 * The advice of a campaign in one language (campaign.advice[lang]).
 * - summary: what the problem is, in a few sentences;
 * - actions: what to do now, one step each, in order (patch first);
 * - compromiseCheck: what to look for since campaign.compromiseSince (web shells, unknown foreign IPs,
 *   activity outside office hours, credentials to reset); `{since}` is replaced by that date, written in
 *   the reader's language;
 * - links: vendor advisories, detection scripts.
 */
export const adviceSchema = z.object({
  summary: z.string().trim().min(1).max(4000),
  actions: z.array(z.string().trim().min(1).max(1000)).max(20).default([]),
  compromiseCheck: z.string().trim().min(1).max(4000).optional(),
  links: z
    .array(z.object({ label: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }) }))
    .max(20)
    .default([]),
});
export type Advice = z.infer<typeof adviceSchema>;

/** Advice per language; any subset of nl/fr/de/en (a notice falls back to English, then to any). */
export const adviceByLanguageSchema = z
  .object({
    nl: adviceSchema.optional(),
    fr: adviceSchema.optional(),
    de: adviceSchema.optional(),
    en: adviceSchema.optional(),
  })
  .strict();
export type AdviceByLanguage = z.infer<typeof adviceByLanguageSchema>;

/** The advice to show in `language`: that language, else English, else whichever exists. */
export function adviceFor(advice: AdviceByLanguage, language: Language): Advice | undefined {
  return advice[language] ?? advice.en ?? LANGUAGES.map((l) => advice[l]).find(Boolean);
}

const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by '-' (RSIT taxonomy, e.g. vulnerable-system)");

const cveList = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^CVE-\d{4}-\d{4,}$/, "a CVE id such as CVE-2021-26855"),
  )
  .max(100)
  .transform((ids) => [...new Set(ids)]);

/** What staff send to create a campaign; an update takes any part of it. */
export const campaignInputSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(10_000).default(""),
  cves: cveList.default([]),
  rsitClass: slug.default("vulnerable"),
  rsitType: slug.default("vulnerable-system"),
  severity: z.enum(SEVERITIES).default("high"),
  tlp: z.enum(TLP_LEVELS).default("AMBER"),
  advice: adviceByLanguageSchema.default({}),
  compromiseSince: z.coerce.date().nullable().default(null),
  reminderEveryDays: z.number().int().min(1).max(365).nullable().default(null),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignPatchSchema = z.object({
  name: campaignInputSchema.shape.name.optional(),
  description: z.string().trim().max(10_000).optional(),
  cves: cveList.optional(),
  rsitClass: slug.optional(),
  rsitType: slug.optional(),
  severity: z.enum(SEVERITIES).optional(),
  tlp: z.enum(TLP_LEVELS).optional(),
  advice: adviceByLanguageSchema.optional(),
  compromiseSince: z.coerce.date().nullable().optional(),
  reminderEveryDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;
