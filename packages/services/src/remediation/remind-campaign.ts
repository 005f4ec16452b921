import { AppError } from "@baken/core";
import {
  campaignExists,
  extendLinks,
  findReminderCandidates,
  insertReminders,
  lockCampaignReminders,
  recordAudit,
  withTransaction,
  type ReminderCandidate,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

export type RemindResult = {
  reminders: number;
  hosts: number;
  skipped: { tooRecent: number; noLink: number; inactive: number };
  noticeIds: string[];
};

/**
 * One reminder round for a campaign: a `reminder` notice to each organization that has hosts still seen
 * (see STILL_SEEN) and whose last notice or reminder of this campaign is older than the minimum age.
 * The reminder repeats the link of the organization's latest delivered initial notice with a valid link
 * (parent_id), and that link's expiry is pushed out by the token lifetime so the reminder's link works. It
 * goes to whom that notice last reached: after a resend to corrected recipients (or a redirect after a
 * bounce), to those, not to the original's.
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

  const result = await withTransaction(ctx.db, async (tx) => {
    await lockCampaignReminders(tx, campaignId);
    if (!(await campaignExists(tx, campaignId))) {
      throw new AppError("not_found", `Campaign ${campaignId} not found`);
    }
    const due = await findReminderCandidates(tx, campaignId, minAgeDays);

    const skipped = { tooRecent: 0, noLink: 0, inactive: 0 };
    const send: ReminderCandidate[] = [];
    for (const d of due) {
      if (!d.active) skipped.inactive++;
      else if (!d.parentId) skipped.noLink++;
      else if (!d.oldEnough) skipped.tooRecent++;
      else send.push(d);
    }

    const noticeIds = await insertReminders(
      tx,
      send.map((d) => ({ parentId: d.parentId!, recipientsOf: d.recipientsOf!, hosts: d.hosts })),
    );
    await extendLinks(
      tx,
      send.map((d) => d.parentId!),
      ttlDays,
    );
    const hosts = send.reduce((n, d) => n + d.hosts, 0);
    await recordAudit(tx, actor, {
      action: "campaign.remind",
      subjectType: "campaign",
      subjectId: campaignId,
      details: { reminders: noticeIds.length, hosts, skipped, minAgeDays, by: actor.id ? "staff" : "schedule" },
    });
    return { reminders: noticeIds.length, hosts, skipped, noticeIds };
  });

  if (result.noticeIds.length > 0) {
    await ctx.producer.enqueueMany(
      "deliver-notice",
      result.noticeIds.map((noticeId) => ({ noticeId })),
    );
  }
  return result;
}
