import type { CampaignHost, OwnerReply } from "@baken/core";
import { rows, type Tx } from "../transaction.ts";

/**
 * An organization's hosts in a campaign, locked (by id) for the owner's answers, so a follow-up list marking
 * a host gone in the meantime is not overwritten with a stale state.
 */
export async function lockOwnerHosts(tx: Tx, campaignId: string, organizationId: string) {
  return rows<Pick<CampaignHost, "id" | "state"> & { notified: boolean }>(
    tx,
    `SELECT id, state::text AS state, notice_id IS NOT NULL AS notified
       FROM campaign_host
      WHERE campaign_id = $1::uuid AND organization_id = $2::uuid
      ORDER BY id
        FOR UPDATE`,
    [campaignId, organizationId],
  );
}

/** One remediation_reply per host and answer, all at `at`, from the notice's link. */
export async function insertReplies(
  tx: Tx,
  input: { noticeId: string; replies: OwnerReply[]; betterContact: string | null; clientIp: string | null; at: Date },
): Promise<void> {
  const { replies } = input;
  await rows(
    tx,
    `INSERT INTO remediation_reply (notice_id, host_id, answer, compromise, comment, better_contact, client_ip, at)
     SELECT $1::uuid, t.h, t.a::"ReplyAnswer", t.c::"Compromise", t.m, $2, $3, $4
       FROM unnest($5::int[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS t(h, a, c, m, i) ORDER BY t.i`,
    [
      input.noticeId,
      input.betterContact,
      input.clientIp,
      input.at,
      replies.map((r) => r.hostId),
      replies.map((r) => r.answer),
      replies.map((r) => r.compromise),
      replies.map((r) => r.comment),
    ],
  );
}

/** Sets these hosts' current answer and state (and raises their flag when `flag`). */
export async function setHostAnswer(
  tx: Tx,
  hostIds: number[],
  change: Pick<CampaignHost, "state" | "answer" | "answeredAt" | "compromise"> & { flag: boolean },
): Promise<void> {
  await rows(
    tx,
    `UPDATE campaign_host SET state = $2::"HostState", answer = $3::"ReplyAnswer", answered_at = $4,
            compromise = $5::"Compromise", flagged = flagged OR $6
      WHERE id = ANY($1::int[])`,
    [hostIds, change.state, change.answer, change.answeredAt, change.compromise, change.flag],
  );
}
