import { AppError, raisesFlag, stateAfterAnswer, type HostState, type OwnerForm, type OwnerReply } from "@baken/core";
import { insertReplies, lockOwnerHosts, recordAudit, setHostAnswer, withTransaction, type OwnerLink } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

export type RecordedReplies = { recorded: number; flaggedHostIds: number[] };

/**
 * Stores the owner's answers: one remediation_reply per host and answer (an answer "for all" is written
 * for each host, so every host keeps its own history), and the host's current answer and state.
 * Every host id must be one of this notice's organization's hosts in this campaign; one that is not
 * refuses the whole form and stores nothing. Compromise found or help asked raises the host's flag
 * and writes an audit event, so staff see it.
 */
export async function recordOwnerReplies(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { link: OwnerLink; form: OwnerForm },
): Promise<RecordedReplies> {
  const { link, form } = input;
  return withTransaction(ctx.db, async (tx) => {
    const own = await lockOwnerHosts(tx, link.campaignId, link.organizationId);
    const byId = new Map(own.map((h) => [h.id, h]));

    const replies: OwnerReply[] =
      form.scope === "all"
        ? own.map((h) => ({ hostId: h.id, answer: form.answer, compromise: form.compromise, comment: form.comment }))
        : form.replies;
    const foreign = replies.filter((r) => !byId.has(r.hostId));
    if (foreign.length > 0) {
      throw new AppError(
        "forbidden",
        "The form names hosts that are not part of this notice",
        foreign.map((r) => ({ field: `answer-${r.hostId}`, message: "not a host of this notice" })),
      );
    }
    if (replies.length === 0) return { recorded: 0, flaggedHostIds: [] };

    const at = new Date();
    await insertReplies(tx, {
      noticeId: link.noticeId,
      replies,
      betterContact: form.betterContact,
      clientIp: actor.ip ?? null,
      at,
    });

    // One UPDATE per distinct outcome rather than one per host: an answer for all hosts is a few statements.
    const groups = new Map<string, { ids: number[]; state: HostState; reply: OwnerReply; flag: boolean }>();
    for (const r of replies) {
      const host = byId.get(r.hostId)!;
      const state = stateAfterAnswer(host.state, r.answer, host.notified);
      const flag = raisesFlag(r.answer, r.compromise);
      const key = `${state}|${r.answer}|${r.compromise}|${flag}`;
      const group = groups.get(key) ?? { ids: [], state, reply: r, flag };
      group.ids.push(r.hostId);
      groups.set(key, group);
    }
    for (const g of groups.values()) {
      await setHostAnswer(tx, g.ids, {
        state: g.state,
        answer: g.reply.answer,
        answeredAt: at,
        compromise: g.reply.compromise,
        flag: g.flag,
      });
    }

    const flagged = replies.filter((r) => raisesFlag(r.answer, r.compromise));
    if (flagged.length > 0) {
      await recordAudit(tx, actor, {
        action: "remediation.flag",
        subjectType: "notice",
        subjectId: link.noticeId,
        details: {
          campaignId: link.campaignId,
          organizationId: link.organizationId,
          hosts: flagged.map((r) => ({ hostId: r.hostId, answer: r.answer, compromise: r.compromise })),
        },
      });
    }
    return { recorded: replies.length, flaggedHostIds: flagged.map((r) => r.hostId) };
  });
}
