import { formatNoticeReference, noticeToken, notFound, tokenHash } from "@baken/core";
import { Prisma } from "@baken/db";
import { randomUUID } from "node:crypto";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";
import { planNotices } from "./plan-notices.ts";

/**
 * Creates one initial notice per organization with due hosts, and queues them.
 *
 * Never twice: in ONE transaction, under a per-campaign advisory lock, the due hosts are read (and
 * row-locked), the notices inserted, and every host moved to `notified` with notice_id / notified_at set.
 * A second send (concurrent or later) waits for the lock, then finds those hosts no longer due, so no host
 * is ever in two initial notices. Jobs are added after the commit (job id = notice id); if that fails, the
 * notices stay `queued` and the next send re-adds every queued notice of the campaign (adding an existing
 * job id is a no-op, and delivery skips a notice already sent).
 */
export async function sendCampaign(ctx: Ctx, actor: Actor, input: { id: string }) {
  const { config } = ctx;
  const result = await ctx.db.prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`baken:send-campaign:${input.id}`}, 0))`;
      const campaign = await tx.campaign.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
      if (!campaign) throw notFound("Campaign");
      const { plans, skipped, quietHosts } = await planNotices(tx, input.id, config.notices.quietDays, { lock: true });

      const now = new Date();
      const sequence = plans.length
        ? await tx.$queryRaw<
            { n: number }[]
          >`SELECT nextval('notice_reference_seq')::int AS n FROM generate_series(1, ${plans.length}::int)`
        : [];
      const expires = new Date(now.getTime() + config.notices.tokenTtlDays * 86_400_000);
      const notices = plans.map((plan, i) => {
        const id = randomUUID();
        return {
          id,
          reference: formatNoticeReference(now, sequence[i]!.n),
          organization_id: plan.organization.id,
          recipients: plan.recipients,
          language: plan.language,
          host_count: plan.hosts.length,
          token_hash: tokenHash(noticeToken(config.notices.tokenSecret, id)),
        };
      });
      if (notices.length > 0) {
        // One statement for all notices (thousands at once): rows as a JSON array.
        await tx.$executeRaw`
          INSERT INTO notice (id, reference, campaign_id, organization_id, kind, recipients, language, status, host_count, token_hash, token_expires_at, created_at)
          SELECT n.id, n.reference, ${input.id}::uuid, n.organization_id, 'initial', ARRAY(SELECT jsonb_array_elements_text(n.recipients)),
                 n.language::"Language", 'queued', n.host_count, n.token_hash, ${expires}, ${now}
            FROM jsonb_to_recordset(${JSON.stringify(notices)}::jsonb)
              AS n(id uuid, reference text, organization_id uuid, recipients jsonb, language text, host_count int, token_hash text)`;
        const hostIds = plans.flatMap((p) => p.hosts.map((h) => h.id));
        const updated = await tx.$executeRaw`
          UPDATE campaign_host h SET notice_id = n.id, notified_at = ${now}, state = 'notified'
            FROM notice n
           WHERE n.id = ANY(${notices.map((n) => n.id)}::uuid[]) AND h.id = ANY(${hostIds}::int[])
             AND h.organization_id = n.organization_id AND h.campaign_id = ${input.id}::uuid`;
        if (updated !== hostIds.length)
          throw new Error(`send-campaign: ${updated} hosts marked, expected ${hostIds.length}`);
      }
      const summary = {
        notices: notices.length,
        hosts: plans.reduce((sum, p) => sum + p.hosts.length, 0),
        noContact: skipped.filter((s) => s.reason === "no_contact").length,
        inactive: skipped.filter((s) => s.reason === "inactive").length,
        quietHosts,
      };
      await recordAudit(tx, actor, {
        action: "campaign.send",
        subjectType: "campaign",
        subjectId: input.id,
        details: summary,
      });
      // Everything still waiting to go out: the new notices and any earlier ones whose enqueue failed.
      const queued = await tx.notice.findMany({
        where: { campaignId: input.id, status: "queued" },
        select: { id: true },
      });
      return { summary, skipped, queued: queued.map((n) => n.id) };
    },
    { timeout: 120_000, maxWait: 30_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
  await ctx.producer.enqueueMany(
    "deliver-notice",
    result.queued.map((noticeId) => ({ noticeId })),
  );
  return {
    ...result.summary,
    queued: result.queued.length,
    skipped: result.skipped,
  };
}
