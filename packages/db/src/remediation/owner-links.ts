import type { Language } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Tx } from "../transaction.ts";

/** What an owner's link opens: the notice it came with, and that notice's campaign and organization. */
export type OwnerLink = {
  noticeId: string;
  reference: string;
  language: Language;
  campaignId: string;
  organizationId: string;
  expiresAt: Date;
};

/**
 * The notice whose link token has this hash, while the link is valid (not revoked, not expired; a notice
 * without an expiry counts as expired). One indexed lookup with the validity in the query.
 */
export async function findOwnerLink(db: Db, tokenHash: string): Promise<OwnerLink | null> {
  const notice = await db.prisma.notice.findFirst({
    where: { tokenHash, tokenRevokedAt: null, tokenExpiresAt: { gt: new Date() } },
    select: { id: true, reference: true, language: true, campaignId: true, organizationId: true, tokenExpiresAt: true },
  });
  if (!notice) return null;
  return {
    noticeId: notice.id,
    reference: notice.reference,
    language: notice.language,
    campaignId: notice.campaignId,
    organizationId: notice.organizationId,
    expiresAt: notice.tokenExpiresAt!,
  };
}

/** A notice of a campaign, with the notice whose link it carries (itself, or a reminder's initial notice). */
export async function findNoticeLink(tx: Tx, campaignId: string, noticeId: string) {
  const [notice] = await rows<{ id: string; linkNoticeId: string; hasLink: boolean; revokedAt: Date | null }>(
    tx,
    `SELECT n.id, l.id AS "linkNoticeId", l.token_hash IS NOT NULL AS "hasLink", l.token_revoked_at AS "revokedAt"
       FROM notice n JOIN notice l ON l.id = coalesce(n.parent_id, n.id)
      WHERE n.id = $1::uuid AND n.campaign_id = $2::uuid`,
    [noticeId, campaignId],
  );
  return notice ?? null;
}

/**
 * Ends a notice's link at `at`, unless it was revoked already (conditional, so two revocations racing each
 * other record one change, not two): null when this call revoked it, else when it had been revoked.
 */
export async function revokeLink(tx: Tx, noticeId: string, at: Date): Promise<Date | null> {
  const revoked = await rows(
    tx,
    `UPDATE notice SET token_revoked_at = $2 WHERE id = $1::uuid AND token_revoked_at IS NULL RETURNING id`,
    [noticeId, at],
  );
  if (revoked.length > 0) return null;
  const [before] = await rows<{ revokedAt: Date }>(
    tx,
    `SELECT token_revoked_at AS "revokedAt" FROM notice WHERE id = $1::uuid`,
    [noticeId],
  );
  return before!.revokedAt;
}

/** Pushes the links of these notices out to at least `days` from now (a reminder carries its parent's link). */
export async function extendLinks(tx: Tx, noticeIds: string[], days: number): Promise<void> {
  if (noticeIds.length === 0) return;
  await rows(
    tx,
    `UPDATE notice SET token_expires_at = greatest(token_expires_at, now() + make_interval(days => $2::int))
      WHERE id = ANY($1::uuid[])`,
    [noticeIds, days],
  );
}
