import { formatNoticeReference, noticeToken, notFound, tokenHash } from "@baken/core";
import {
  campaignExists,
  findQueuedNoticeIds,
  insertInitialNotices,
  lockCampaignSend,
  nextNoticeNumbers,
  recordAudit,
  withTransaction,
} from "@baken/db";
import { randomUUID } from "node:crypto";
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
  const result = await withTransaction(ctx.db, async (tx) => {
    await lockCampaignSend(tx, input.id);
    if (!(await campaignExists(tx, input.id))) throw notFound("Campaign");
    const { plans, skipped, quietHosts } = await planNotices(tx, input.id, config.notices.quietDays, { lock: true });

    const now = new Date();
    const sequence = await nextNoticeNumbers(tx, plans.length);
    const notices = plans.map((plan, i) => {
      const id = randomUUID();
      return {
        id,
        reference: formatNoticeReference(now, sequence[i]!),
        organizationId: plan.organization.id,
        recipients: plan.recipients,
        language: plan.language,
        hostCount: plan.hosts.length,
        tokenHash: tokenHash(noticeToken(config.notices.tokenSecret, id)),
      };
    });
    await insertInitialNotices(tx, {
      campaignId: input.id,
      notices,
      hostIds: plans.flatMap((p) => p.hosts.map((h) => h.id)),
      tokenExpiresAt: new Date(now.getTime() + config.notices.tokenTtlDays * 86_400_000),
      at: now,
    });
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
    return { summary, skipped, queued: await findQueuedNoticeIds(tx, input.id) };
  });
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
