import { AppError } from "@baken/core";
import type { Actor, Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { STILL_SEEN } from "./still-seen.ts";

/** Advisory-lock namespace of reminder rounds (the second key is the campaign): "REMD". */
const REMIND_LOCK = 0x52454d44;

export type RemindResult = {
  reminders: number;
  hosts: number;
  skipped: { tooRecent: number; noLink: number; inactive: number };
  noticeIds: string[];
};

type Due = { organizationId: string; hosts: number; parentId: string | null; oldEnough: boolean; active: boolean };

/**
 * One reminder round for a campaign: a `reminder` notice to each organization that has hosts still seen
 * (see STILL_SEEN) and whose last notice or reminder of this campaign is older than the minimum age.
 * The reminder repeats the link of the organization's latest delivered initial notice with a valid link
 * (parent_id), and that link's expiry is pushed out by the token lifetime so the reminder's link works.
 *
 * Never twice: the round runs under a per-campaign advisory lock in one transaction, so a concurrent call
 * waits and then sees the reminders just made as "too recent". The age is at least one day, so even a
 * minimum age of 0 cannot make two reminders for the same round. Delivery is queued after commit.
 */
export async function remindCampaign(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: { campaignId: string; minAgeDays?: number },
): Promise<RemindResult> {
  const { campaignId } = input;
  const minAgeDays = Math.max(1, input.minAgeDays ?? ctx.config.notices.reminderMinAgeDays);
  const ttlDays = ctx.config.notices.tokenTtlDays;

  const result = await ctx.db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMIND_LOCK}::int, hashtext(${campaignId}::text))`;
      if (!(await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } }))) {
        throw new AppError("not_found", `Campaign ${campaignId} not found`);
      }
      const due = await tx.$queryRaw<Due[]>`
        WITH due AS (
          SELECT h.organization_id, count(*)::int AS hosts
            FROM campaign_host h
           WHERE h.campaign_id = ${campaignId}::uuid AND h.organization_id IS NOT NULL AND ${STILL_SEEN}
           GROUP BY h.organization_id
        ), last_notice AS (
          SELECT organization_id, max(created_at) AS at
            FROM notice WHERE campaign_id = ${campaignId}::uuid GROUP BY organization_id
        ), link AS (
          SELECT DISTINCT ON (organization_id) id, organization_id
            FROM notice
           WHERE campaign_id = ${campaignId}::uuid AND kind = 'initial' AND status = 'sent'
             AND token_hash IS NOT NULL AND token_revoked_at IS NULL AND token_expires_at > now()
           ORDER BY organization_id, created_at DESC
        )
        SELECT d.organization_id AS "organizationId", d.hosts, link.id AS "parentId", o.active,
               coalesce(l.at < now() - make_interval(days => ${minAgeDays}::int), true) AS "oldEnough"
          FROM due d
          JOIN organization o ON o.id = d.organization_id
          LEFT JOIN last_notice l USING (organization_id)
          LEFT JOIN link USING (organization_id)
         ORDER BY d.organization_id`;

      const skipped = { tooRecent: 0, noLink: 0, inactive: 0 };
      const send: Due[] = [];
      for (const d of due) {
        if (!d.active) skipped.inactive++;
        else if (!d.parentId) skipped.noLink++;
        else if (!d.oldEnough) skipped.tooRecent++;
        else send.push(d);
      }

      const parentIds = send.map((d) => d.parentId!);
      const created = send.length
        ? await tx.$queryRaw<{ id: string }[]>`
            INSERT INTO notice (reference, campaign_id, organization_id, kind, parent_id, recipients, language, host_count)
            SELECT 'BAKEN#' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-'
                     || lpad(nextval('notice_reference_seq')::text, 8, '0'),
                   p.campaign_id, p.organization_id, 'reminder', p.id, p.recipients, p.language, v.hosts
              FROM unnest(${parentIds}::uuid[], ${send.map((d) => d.hosts)}::int[]) AS v(parent_id, hosts)
              JOIN notice p ON p.id = v.parent_id
             ORDER BY p.organization_id
            RETURNING id::text AS id`
        : [];
      if (send.length) {
        await tx.$executeRaw`
          UPDATE notice SET token_expires_at = greatest(token_expires_at, now() + make_interval(days => ${ttlDays}::int))
           WHERE id = ANY(${parentIds}::uuid[])`;
      }
      const hosts = send.reduce((n, d) => n + d.hosts, 0);
      await recordAudit(tx, actor, {
        action: "campaign.remind",
        subjectType: "campaign",
        subjectId: campaignId,
        details: { reminders: created.length, hosts, skipped, minAgeDays, by: actor.id ? "staff" : "schedule" },
      });
      return { reminders: created.length, hosts, skipped, noticeIds: created.map((c) => c.id) };
    },
    { timeout: 60_000 },
  );

  if (result.noticeIds.length > 0) {
    await ctx.producer.enqueueMany(
      "deliver-notice",
      result.noticeIds.map((noticeId) => ({ noticeId })),
    );
  }
  return result;
}
