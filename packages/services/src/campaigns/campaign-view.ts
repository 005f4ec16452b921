import { adviceByLanguageSchema, type AdviceByLanguage } from "@baken/core";
import type { Campaign } from "@baken/db";

/** A campaign as the API shows it. Stored advice that no longer fits the schema shows as empty, never as a 500. */
export function campaignView(c: Campaign) {
  const advice = adviceByLanguageSchema.safeParse(c.advice);
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    cves: c.cves,
    rsitClass: c.rsitClass,
    rsitType: c.rsitType,
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
