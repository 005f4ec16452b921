import { z } from "zod";
import { CVE_ID_PATTERN, normaliseCveId } from "./classification/cve.ts";
import { LANGUAGES, type Language } from "./language.ts";
import { isRsitTypeOf, RSIT_CLASSES, RSIT_TYPES } from "./reports/rsit.ts";
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

const CVE_MESSAGE = "a CVE id such as CVE-2021-26855 (year 1999 or later)";
const cveList = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(CVE_ID_PATTERN, { message: CVE_MESSAGE, abort: true })
      .refine((id) => normaliseCveId(id) === id, CVE_MESSAGE),
  )
  .max(100)
  .transform((ids) => [...new Set(ids)]);

// The Reference Security Incident Taxonomy, as the public report form has it: a class and a type under it,
// both or neither (a campaign not classified yet takes the classification of its first list of a known
// report type). Used for the notices' wording and the X-ARF report type.
const rsitClass = z.enum(RSIT_CLASSES).nullable();
const rsitType = z.enum(RSIT_TYPES).nullable();

/** Both or neither, and the type under the class: checked on the whole object, naming rsitType. */
function rsitPair(c: { rsitClass?: string | null; rsitType?: string | null }, ctx: z.RefinementCtx) {
  if (c.rsitClass === undefined && c.rsitType === undefined) return;
  const cls = c.rsitClass ?? null;
  const type = c.rsitType ?? null;
  if ((cls === null) !== (type === null)) {
    ctx.addIssue({ code: "custom", path: ["rsitType"], message: "give the RSIT class and type together, or neither" });
  } else if (cls !== null && type !== null && !isRsitTypeOf(cls as (typeof RSIT_CLASSES)[number], type)) {
    ctx.addIssue({ code: "custom", path: ["rsitType"], message: `not a type of the RSIT class ${cls}` });
  }
}

const campaignFields = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(10_000).default(""),
  cves: cveList.default([]),
  rsitClass: rsitClass.default(null),
  rsitType: rsitType.default(null),
  severity: z.enum(SEVERITIES).default("high"),
  tlp: z.enum(TLP_LEVELS).default("AMBER"),
  advice: adviceByLanguageSchema.default({}),
  compromiseSince: z.coerce.date().nullable().default(null),
  reminderEveryDays: z.number().int().min(1).max(365).nullable().default(null),
});

/** What staff send to create a campaign; an update takes any part of it. */
export const campaignInputSchema = campaignFields.superRefine(rsitPair);
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignPatchSchema = z
  .object({
    name: campaignFields.shape.name.optional(),
    description: z.string().trim().max(10_000).optional(),
    cves: cveList.optional(),
    rsitClass: rsitClass.optional(),
    rsitType: rsitType.optional(),
    severity: z.enum(SEVERITIES).optional(),
    tlp: z.enum(TLP_LEVELS).optional(),
    advice: adviceByLanguageSchema.optional(),
    compromiseSince: z.coerce.date().nullable().optional(),
    reminderEveryDays: z.number().int().min(1).max(365).nullable().optional(),
  })
  .superRefine(rsitPair);
export type CampaignPatch = z.infer<typeof campaignPatchSchema>;
