import { noticeRecipients, type Language } from "@baken/core";
import { countQuietHosts, findDueHosts, findRecipients, type Conn, type DueHost } from "@baken/db";

export type NoticePlan = {
  organization: { id: string; name: string; language: Language; operator: boolean };
  recipients: string[];
  language: Language;
  hosts: DueHost[];
};

export type Skipped = { organizationId: string; name: string; hosts: number; reason: "no_contact" | "inactive" };

/**
 * What sending the campaign now would do: one notice per organization over its hosts that are due
 * (findDueHosts). Hosts notified within the quiet period are counted, not mailed: chasing them is what
 * reminders are for. `lock: true` (inside send's transaction) locks the due hosts.
 */
export async function planNotices(conn: Conn, campaignId: string, quietDays: number, { lock = false } = {}) {
  const hosts = await findDueHosts(conn, campaignId, quietDays, { lock });
  const quiet = await countQuietHosts(conn, campaignId, quietDays);

  const byOrg = new Map<string, DueHost[]>();
  for (const h of hosts) byOrg.set(h.organizationId, [...(byOrg.get(h.organizationId) ?? []), h]);
  const { organizations, contacts } = await findRecipients(conn, [...byOrg.keys()]);
  const contactsByOrg = new Map<string, typeof contacts>();
  for (const c of contacts) contactsByOrg.set(c.organizationId, [...(contactsByOrg.get(c.organizationId) ?? []), c]);

  const plans: NoticePlan[] = [];
  const skipped: Skipped[] = [];
  for (const org of organizations) {
    const orgHosts = byOrg.get(org.id)!;
    const { recipients, language } = noticeRecipients(contactsByOrg.get(org.id) ?? [], org.language);
    if (!org.active || recipients.length === 0) {
      skipped.push({
        organizationId: org.id,
        name: org.name,
        hosts: orgHosts.length,
        reason: org.active ? "no_contact" : "inactive",
      });
      continue;
    }
    plans.push({
      organization: { id: org.id, name: org.name, language: org.language, operator: org.operator },
      recipients,
      language,
      hosts: orgHosts,
    });
  }
  return { plans, skipped, quietHosts: quiet };
}
