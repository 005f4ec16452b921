import { notFound } from "@baken/core";
import {
  findContact,
  findContactsToFix,
  findNoticeBounceMessages,
  findNoticeDeliveries,
  findNoticeDeliveryHead,
  markContactFixed,
  recordAudit,
  withTransaction,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/**
 * Staff say an undeliverable contact can be mailed again (the mailbox was fixed, or they checked it): its
 * failures so far no longer count, and later notices address it again.
 */
export async function markContactDeliverable(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  organizationId: string,
  contactId: string,
) {
  return withTransaction(ctx.db, async (tx) => {
    const before = await findContact(tx, organizationId, contactId);
    if (!before || !(await markContactFixed(tx, organizationId, contactId))) throw notFound("Contact");
    await recordAudit(tx, actor, {
      action: "contact.mark_fixed",
      subjectType: "organization",
      subjectId: organizationId,
      details: {
        email: before.email,
        undeliverableSince: before.health.undeliverableSince,
        reason: before.health.reason,
      },
    });
    return (await findContact(tx, organizationId, contactId))!;
  });
}

/** The registry's undeliverable contacts, most recent first, a page at a time, with how many there are. */
export async function listContactsToFix(ctx: Pick<Ctx, "db">, page: { limit: number; offset: number }) {
  const { contacts, total } = await findContactsToFix(ctx.db, page);
  return { total, limit: page.limit, offset: page.offset, contacts };
}

/** What became of one notice of a campaign: each recipient's outcomes, what came back, its redirect. */
export async function noticeDelivery(ctx: Pick<Ctx, "db">, campaignId: string, noticeId: string) {
  const head = await findNoticeDeliveryHead(ctx.db, campaignId, noticeId);
  if (!head) throw notFound("Notice");
  const [outcomes, messages] = await Promise.all([
    findNoticeDeliveries(ctx.db, noticeId),
    findNoticeBounceMessages(ctx.db, noticeId),
  ]);
  return {
    ...head,
    outcomes: outcomes.map((o) => ({ ...o, at: o.at.toISOString() })),
    messages: messages.map((m) => ({ ...m, receivedAt: m.receivedAt.toISOString() })),
  };
}
