import { adviceByLanguageSchema, rsitLabel, rsitPair, type AdviceByLanguage } from "@baken/core";
import type { Campaign } from "@baken/db";

/** A campaign as the API shows it. Stored advice that no longer fits the schema shows as empty, never as a 500. */
export function campaignView(c: Campaign) {
  const advice = adviceByLanguageSchema.safeParse(c.advice);
  // A value no longer in RSIT shows as not classified, never as a 500.
  const rsit = rsitPair(c.rsitClass, c.rsitType);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    cves: c.cves,
    rsitClass: rsit?.rsitClass ?? null,
    rsitType: rsit?.rsitType ?? null,
    /** "Vulnerability – Vulnerable system", as the notices name it (in English here). */
    rsitLabel: rsit ? rsitLabel("en", rsit.rsitClass, rsit.rsitType) : null,
    classificationIdentifier: c.classificationIdentifier,
    classifiedFromListId: c.classifiedFromListId,
    severity: c.severity,
    tlp: c.tlp,
    advice: (advice.success ? advice.data : {}) as AdviceByLanguage,
    compromiseSince: c.compromiseSince?.toISOString() ?? null,
    reminderEveryDays: c.reminderEveryDays,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type CampaignView = ReturnType<typeof campaignView>;
