import type { Language } from "@baken/core";
import { withClientTransaction, type Db } from "@baken/db";
import { randomUUID } from "node:crypto";
import { Lcg } from "../builder/random.ts";

// A finished campaign as it would stand after three weeks of follow-up: the first scan and its notices on day
// 0, owners answering over the following days (most within a week, a tail after the reminder), and weekly
// follow-up scans from which fixed servers drop out. Every date lies in the past, so the remediation curve,
// reminders and the flags an answer raises read as they would in real use. Planned in memory (planPastCampaign,
// the same plan for the same seed), then written in bulk (seedPastCampaign).

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type PastOrganization = { id: string; language: Language; email?: string };

type Answer = "patched" | "mitigated" | "investigating" | "needs_help" | "not_ours" | "false_positive";
export type PastReply = { answer: Answer; compromise: "yes" | "no" | "not_checked" | null; at: Date };
export type PastHost = {
  organizationId: string;
  ip: string;
  port: number;
  hostname: string;
  notifiedAt: Date;
  /** the owner's answers, in order */
  replies: PastReply[];
  /** the first follow-up scan that no longer saw it */
  goneAt: Date | null;
  lastSeenAt: Date;
};
export type PastCampaignPlan = {
  name: string;
  startedAt: Date;
  /** the first scan, then one a week */
  scans: Date[];
  hosts: PastHost[];
  /** a reminder went on the first follow-up day to organizations with a host not answered by then */
  reminderAt: Date;
  /** the organization whose notice never arrived (see PastCampaignOptions.unreachable), or null */
  unreachable: string | null;
};

export type PastCampaignOptions = {
  name?: string;
  organizations: PastOrganization[];
  /** how many days ago the first scan and notices were (default 24: three weekly follow-ups and some days) */
  startedDaysAgo?: number;
  followUpScans?: number;
  seed?: number;
  now?: Date;
  /** first octets of the hosts' addresses (10.200 by default: a reserved range) */
  net?: [number, number];
  /**
   * An organization whose notice never arrived (its mailbox is gone; the bounce is reported later): nobody
   * answered it, and no reminder went to the dead address. Its hosts are still seen.
   */
  unreachable?: string;
};

/** What happens to each host of a past campaign, hour by hour; deterministic for a seed. */
export function planPastCampaign(o: PastCampaignOptions): PastCampaignPlan {
  const rng = new Lcg(o.seed ?? 2021);
  const now = (o.now ?? new Date()).getTime();
  const day0 = Math.floor((now - (o.startedDaysAgo ?? 24) * DAY) / DAY) * DAY;
  const scans = Array.from({ length: (o.followUpScans ?? 3) + 1 }, (_, i) => new Date(day0 + i * 7 * DAY + 5 * HOUR));
  const [a, b] = o.net ?? [10, 200];
  const hosts: PastHost[] = [];
  let n = 0;
  for (const org of o.organizations) {
    const count = rng.next() < 0.8 ? 1 : 2 + Math.floor(rng.next() * 3);
    // Notices go out in the hours after the first scan, some the next morning.
    const notifiedAt = new Date(scans[0]!.getTime() + (2 + Math.floor(rng.next() * 24)) * HOUR);
    for (let k = 0; k < count; k++, n++) {
      const replies: PastReply[] = [];
      const r = rng.next();
      // Answer delay in hours: half within two days, most within a week, a tail after the reminder.
      const delay = () => Math.min(20 * 24, Math.floor(-Math.log(1 - rng.next()) * 60) + 1);
      if (r < 0.62) {
        const kind = rng.next();
        const answered: Answer =
          kind < 0.62
            ? "patched"
            : kind < 0.74
              ? "mitigated"
              : kind < 0.86
                ? "investigating"
                : kind < 0.92
                  ? "needs_help"
                  : kind < 0.97
                    ? "not_ours"
                    : "false_positive";
        const at = new Date(notifiedAt.getTime() + delay() * HOUR);
        const compromise =
          answered === "patched" || answered === "mitigated"
            ? rng.next() < 0.08
              ? "yes"
              : rng.next() < 0.7
                ? "no"
                : "not_checked"
            : null;
        replies.push({ answer: answered, compromise, at });
        // Some of those investigating come back with a patch.
        if (answered === "investigating" && rng.next() < 0.6) {
          replies.push({ answer: "patched", compromise: "no", at: new Date(at.getTime() + delay() * 2 * HOUR) });
        }
      }
      const fixed = replies.some((x) => x.answer === "patched" || x.answer === "mitigated");
      // A fixed host drops out of a later scan most of the time; an unanswered one now and then (switched off).
      let goneAt: Date | null = null;
      let lastSeenAt = scans[0]!;
      for (const scan of scans.slice(1)) {
        const fixedBy = replies.find((x) => (x.answer === "patched" || x.answer === "mitigated") && x.at < scan);
        const p = fixedBy ? 0.7 : fixed ? 0.15 : 0.12;
        if (rng.next() < p) {
          goneAt = scan;
          break;
        }
        lastSeenAt = scan;
      }
      if (org.id === o.unreachable) {
        replies.length = 0;
        goneAt = null;
        lastSeenAt = scans.at(-1)!;
      }
      hosts.push({
        organizationId: org.id,
        ip: `${a}.${(b + (n >> 16)) & 255}.${(n >> 8) & 255}.${n & 255}`,
        port: 443,
        hostname: `mail${n}.past.example`,
        notifiedAt,
        replies: replies.filter((x) => x.at.getTime() < now && (!goneAt || x.at < goneAt || x === replies[0])),
        goneAt,
        lastSeenAt,
      });
    }
  }
  return {
    name: o.name ?? "Exchange ProxyShell, August 2021",
    startedAt: scans[0]!,
    scans,
    hosts,
    reminderAt: new Date(scans[1]!.getTime() + 4 * HOUR),
    unreachable: o.unreachable ?? null,
  };
}

/** Where a host stands after its answers and the scans, as the follow-up code would have left it. */
function finalState(h: PastHost) {
  const last = h.replies.at(-1);
  if (h.goneAt) return "gone";
  if (!last) return "notified";
  if (last.answer === "patched" || last.answer === "mitigated") return "remediated";
  if (last.answer === "not_ours" || last.answer === "false_positive") return "not_ours";
  return "notified";
}

/**
 * Writes a planned past campaign: the campaign, one list per scan, each organization's initial notice (sent)
 * and reminder, the campaign hosts with their final state, and every answer. Returns the campaign's id.
 */
export async function seedPastCampaign(db: Db, plan: PastCampaignPlan, orgs: PastOrganization[]): Promise<string> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return withClientTransaction(db.pool, async (client) => {
    const campaignId = randomUUID();
    await client.query(
      `INSERT INTO campaign (id, name, description, cves, severity, tlp, compromise_since, reminder_every_days, advice,
                             rsit_class, rsit_type, created_at, updated_at)
       VALUES ($1, $2, 'Exchange servers still vulnerable to ProxyShell, from a scan; followed up weekly.',
               ARRAY['CVE-2021-34473','CVE-2021-34523','CVE-2021-31207'], 'critical', 'AMBER', $3, 7, $4::jsonb,
               'vulnerable', 'vulnerable-system', $3, $3)`,
      [
        campaignId,
        plan.name,
        plan.startedAt,
        JSON.stringify({
          en: {
            summary:
              "Microsoft Exchange servers without the July 2021 updates can be taken over remotely (ProxyShell).",
            actions: ["Install the latest cumulative and security updates.", "Look for web shells."],
            links: [],
          },
        }),
      ],
    );
    const listIds = plan.scans.map(() => randomUUID());
    for (const [i, scan] of plan.scans.entries()) {
      const seen = plan.hosts.filter((h) => scan <= h.lastSeenAt).length;
      await client.query(
        `INSERT INTO exposure_list (id, file_name, source, sha256, format, size_bytes, row_count, accepted_count,
                                    rejected_count, duplicate_count, campaign_id, created_at, matched_at)
         VALUES ($1, $2, 'Scan of Exchange servers (past campaign)', $3, 'csv', 0, $4, $4, 0, 0, $5, $6, $6)`,
        [
          listIds[i],
          `proxyshell-scan-week-${i}.csv`,
          randomUUID().replace(/-/g, "").padEnd(64, "0"),
          seen,
          campaignId,
          scan,
        ],
      );
    }
    // One initial notice per organization, sent when its hosts were notified; a reminder to those with a host
    // still unanswered and seen at the first follow-up.
    const perOrg = new Map<string, PastHost[]>();
    for (const h of plan.hosts) perOrg.set(h.organizationId, [...(perOrg.get(h.organizationId) ?? []), h]);
    const notices = [...perOrg].map(([organizationId, hosts]) => {
      const org = byId.get(organizationId)!;
      const reminded =
        organizationId !== plan.unreachable &&
        hosts.some(
          (h) => (!h.replies[0] || h.replies[0].at > plan.reminderAt) && (!h.goneAt || h.goneAt > plan.scans[1]!),
        );
      return {
        id: randomUUID(),
        organization_id: organizationId,
        language: org.language,
        recipient: org.email ?? `abuse@${organizationId.slice(0, 8)}.past.example`,
        at: hosts[0]!.notifiedAt.toISOString(),
        host_count: hosts.length,
        reminder_id: reminded ? randomUUID() : null,
      };
    });
    await client.query(
      `INSERT INTO notice (id, reference, campaign_id, organization_id, kind, recipients, language, status, attempts,
                           host_count, created_at, status_changed_at, sent_at, message_id)
       SELECT id, 'BAKEN#' || to_char(at AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(nextval('notice_reference_seq')::text, 8, '0'),
              $2, organization_id, 'initial', ARRAY[recipient], language::"Language", 'sent', 1, host_count, at, at, at,
              '<' || id || '@past.baken.example>'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, organization_id uuid, language text, recipient text, at timestamptz, host_count int)`,
      [JSON.stringify(notices), campaignId],
    );
    const reminders = notices.filter((x) => x.reminder_id);
    await client.query(
      `INSERT INTO notice (id, reference, campaign_id, organization_id, kind, parent_id, recipients, language, status,
                           attempts, host_count, created_at, status_changed_at, sent_at, message_id)
       SELECT reminder_id, 'BAKEN#' || to_char($3::timestamptz AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' || lpad(nextval('notice_reference_seq')::text, 8, '0'),
              $2, organization_id, 'reminder', id, ARRAY[recipient], language::"Language", 'sent', 1, host_count,
              $3, $3, $3, '<' || reminder_id || '@past.baken.example>'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, reminder_id uuid, organization_id uuid, language text, recipient text, host_count int)`,
      [JSON.stringify(reminders), campaignId, plan.reminderAt],
    );
    const noticeOf = new Map(notices.map((x) => [x.organization_id, x.id]));
    const hosts = plan.hosts.map((h, i) => {
      const last = h.replies.at(-1);
      return {
        i,
        host_key: `${h.ip}|${h.port}|${h.hostname}`,
        ip: h.ip,
        port: h.port,
        hostname: h.hostname,
        organization_id: h.organizationId,
        notice_id: noticeOf.get(h.organizationId),
        state: finalState(h),
        first_seen_at: plan.scans[0]!.toISOString(),
        last_seen_at: h.lastSeenAt.toISOString(),
        last_list_id: listIds[plan.scans.findIndex((s) => s.getTime() === h.lastSeenAt.getTime())],
        notified_at: h.notifiedAt.toISOString(),
        answer: last?.answer ?? null,
        answered_at: last?.at.toISOString() ?? null,
        compromise: h.replies.findLast((x) => x.compromise)?.compromise ?? null,
        gone_at: h.goneAt?.toISOString() ?? null,
        flagged: h.replies.some((x) => x.compromise === "yes" || x.answer === "needs_help"),
      };
    });
    const inserted = await client.query<{ id: number; host_key: string }>(
      `INSERT INTO campaign_host (campaign_id, host_key, ip, port, protocol, hostname, tag, version, organization_id,
                                  state, first_seen_at, last_seen_at, last_list_id, notice_id, notified_at, answer,
                                  answered_at, compromise, gone_at, flagged)
       SELECT $2, host_key, ip::inet, port, 'https', hostname, 'exchange', '15.2.858', organization_id,
              state::"HostState", first_seen_at, last_seen_at, last_list_id, notice_id, notified_at,
              answer::"ReplyAnswer", answered_at, compromise::"Compromise", gone_at, flagged
         FROM jsonb_to_recordset($1::jsonb) AS x(host_key text, ip text, port int, hostname text, organization_id uuid,
              state text, first_seen_at timestamptz, last_seen_at timestamptz, last_list_id uuid, notice_id uuid,
              notified_at timestamptz, answer text, answered_at timestamptz, compromise text, gone_at timestamptz, flagged boolean)
       RETURNING id, host_key`,
      [JSON.stringify(hosts), campaignId],
    );
    const hostId = new Map(inserted.rows.map((r) => [r.host_key, r.id]));
    const replies = hosts.flatMap((h) =>
      plan.hosts[h.i]!.replies.map((r) => ({
        notice_id: h.notice_id,
        host_id: hostId.get(h.host_key),
        answer: r.answer,
        compromise: r.compromise,
        at: r.at.toISOString(),
      })),
    );
    await client.query(
      `INSERT INTO remediation_reply (notice_id, host_id, answer, compromise, at)
       SELECT notice_id, host_id, answer::"ReplyAnswer", compromise::"Compromise", at
         FROM jsonb_to_recordset($1::jsonb) AS x(notice_id uuid, host_id int, answer text, compromise text, at timestamptz)`,
      [JSON.stringify(replies)],
    );
    return campaignId;
  });
}
