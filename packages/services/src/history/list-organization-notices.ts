import { notFound, type CampaignHost } from "@baken/core";
import { findOrganizationNotices, organizationExists } from "@baken/db";
import type { Ctx } from "../context.ts";

/** The host an answer is about, as staff read it: ip:port, or the hostname. */
const hostLabel = (h: Pick<CampaignHost, "ip" | "port" | "hostname"> | null) =>
  h ? [h.ip ?? h.hostname ?? "", h.port !== null ? `:${h.port}` : ""].join("") : null;

/**
 * An organization's notices, newest first, each with its campaign and the owner's answers (for one host or
 * for all of the notice's hosts), for the console's organization page.
 */
export async function listOrganizationNotices(ctx: Pick<Ctx, "db">, organizationId: string, limit = 100) {
  if (!(await organizationExists(ctx.db, organizationId))) throw notFound("Organization");
  const notices = await findOrganizationNotices(ctx.db, organizationId, limit);
  return notices.map((n) => ({
    id: n.id,
    reference: n.reference,
    campaign: n.campaign,
    kind: n.kind,
    status: n.status,
    language: n.language,
    hostCount: n.hostCount,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
    answers: n.replies.map((r) => ({
      answer: r.answer,
      compromise: r.compromise,
      host: r.hostId === null ? null : hostLabel(r.host),
      comment: r.comment,
      at: r.at.toISOString(),
    })),
  }));
}
