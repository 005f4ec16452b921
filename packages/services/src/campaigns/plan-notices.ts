import { noticeRecipients, type Language } from "@baken/core";
import { Prisma } from "@baken/db";

type Sql = Pick<Prisma.TransactionClient, "$queryRaw">;

export type PendingHost = {
  id: number;
  organizationId: string;
  ip: string | null;
  port: number | null;
  protocol: string | null;
  hostname: string | null;
  tag: string | null;
  version: string | null;
  severity: string | null;
  /** The report the host was last seen in (its newest list's). */
  reportType: string | null;
  reportName: string | null;
  reportSeverity: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
};

export type NoticePlan = {
  organization: { id: string; name: string; language: Language };
  recipients: string[];
  language: Language;
  hosts: PendingHost[];
};

export type Skipped = { organizationId: string; name: string; hosts: number; reason: "no_contact" | "inactive" };

/**
 * What sending the campaign now would do: one notice per organization over its hosts that are due.
 *
 * A host is due when it has an owner, is `open`, and either was never notified or was last notified
 * longer ago than the quiet period (a host that went away and came back). Hosts notified within the quiet
 * period are counted, not mailed: chasing them is what reminders are for.
 *
 * `lock: true` (inside send's transaction) locks the due rows, so a concurrent change of state (an upload
 * syncing hosts) waits for the send to commit instead of being overwritten.
 */
export async function planNotices(db: Sql, campaignId: string, quietDays: number, { lock = false } = {}) {
  const hosts = await db.$queryRaw<PendingHost[]>`
    SELECT h.id, h.organization_id AS "organizationId", abbrev(h.ip) AS ip, h.port, h.protocol, h.hostname, h.tag,
           h.version, h.severity, l.report_type AS "reportType", l.report_name AS "reportName",
           l.severity AS "reportSeverity", h.first_seen_at AS "firstSeenAt", h.last_seen_at AS "lastSeenAt"
      FROM campaign_host h LEFT JOIN exposure_list l ON l.id = h.last_list_id
     WHERE h.campaign_id = ${campaignId}::uuid AND h.organization_id IS NOT NULL AND h.state = 'open'
       AND (h.notice_id IS NULL OR h.notified_at IS NULL OR h.notified_at < now() - make_interval(days => ${quietDays}::int))
     ORDER BY h.organization_id, h.ip NULLS LAST, h.port NULLS LAST, h.hostname NULLS LAST
       ${lock ? Prisma.sql`FOR UPDATE OF h` : Prisma.empty}`;
  const [{ quiet }] = await db.$queryRaw<[{ quiet: number }]>`
    SELECT count(*)::int AS quiet FROM campaign_host
     WHERE campaign_id = ${campaignId}::uuid AND organization_id IS NOT NULL AND state = 'open'
       AND notice_id IS NOT NULL AND notified_at >= now() - make_interval(days => ${quietDays}::int)`;

  const byOrg = new Map<string, PendingHost[]>();
  for (const h of hosts) byOrg.set(h.organizationId, [...(byOrg.get(h.organizationId) ?? []), h]);
  const orgIds = [...byOrg.keys()];
  const orgs = orgIds.length
    ? await db.$queryRaw<{ id: string; name: string; language: Language; active: boolean }[]>`
        SELECT id, name, language::text AS language, active FROM organization WHERE id = ANY(${orgIds}::uuid[]) ORDER BY name`
    : [];
  const contacts = orgIds.length
    ? await db.$queryRaw<
        {
          organizationId: string;
          email: string;
          role: "abuse" | "security" | "technical";
          language: Language | null;
          active: boolean;
        }[]
      >`
        SELECT organization_id AS "organizationId", email, role::text AS role, language::text AS language, active
          FROM contact WHERE organization_id = ANY(${orgIds}::uuid[]) AND active ORDER BY organization_id, email`
    : [];
  const contactsByOrg = new Map<string, typeof contacts>();
  for (const c of contacts) contactsByOrg.set(c.organizationId, [...(contactsByOrg.get(c.organizationId) ?? []), c]);

  const plans: NoticePlan[] = [];
  const skipped: Skipped[] = [];
  for (const org of orgs) {
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
      organization: { id: org.id, name: org.name, language: org.language },
      recipients,
      language,
      hosts: orgHosts,
    });
  }
  return { plans, skipped, quietHosts: quiet };
}
