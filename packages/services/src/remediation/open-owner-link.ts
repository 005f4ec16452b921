import { tokenHash } from "@baken/core";
import type { Ctx } from "../context.ts";

export type OwnerLink = {
  noticeId: string;
  reference: string;
  language: "nl" | "fr" | "de" | "en";
  campaignId: string;
  organizationId: string;
  expiresAt: Date;
};

/**
 * The notice a link token opens, or null when the token is unknown, expired or revoked. Every token costs
 * the same work whatever it looks like (one hash, one indexed lookup with the validity in the query), so
 * the time taken does not tell a revoked or expired link from one that never existed. A notice without an
 * expiry is treated as expired: a link must end.
 */
export async function openOwnerLink(ctx: Pick<Ctx, "db">, input: { token: string }): Promise<OwnerLink | null> {
  const notice = await ctx.db.prisma.notice.findFirst({
    where: { tokenHash: tokenHash(input.token), tokenRevokedAt: null, tokenExpiresAt: { gt: new Date() } },
    select: {
      id: true,
      reference: true,
      language: true,
      campaignId: true,
      organizationId: true,
      tokenExpiresAt: true,
    },
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
