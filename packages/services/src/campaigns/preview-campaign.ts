import { AppError, notFound, type Language } from "@baken/core";
import { findCampaign } from "@baken/db";
import type { Ctx } from "../context.ts";
import { hostLine } from "@baken/mail";
import { renderNoticeContent } from "../notices/notice-view.ts";
import { planNotices } from "./plan-notices.ts";

/** The hosts without an X-ARF report a preview names (all are counted). */
const REFUSED_SHOWN = 20;

export type PreviewInput = { id: string; organizationId?: string; limit: number; language?: Language };

/**
 * Every notice that sending the campaign now would create, rendered but not stored or sent: counts for
 * all, and the full mail (subject, text, HTML, attachment rows) for one organization or the first `limit`.
 * The reference and the personal link are placeholders: both are made when the notice is created. Each
 * notice says which X-ARF files it would carry, and which hosts none (with why); null for a campaign that is
 * not classified (no X-ARF type).
 */
export async function previewCampaign(ctx: Pick<Ctx, "db" | "config">, input: PreviewInput) {
  const campaign = await findCampaign(ctx.db, input.id);
  if (!campaign) throw notFound("Campaign");
  const { plans, skipped, quietHosts } = await planNotices(ctx.db, input.id, ctx.config.notices.quietDays);

  let shown = plans;
  if (input.organizationId) {
    shown = plans.filter((p) => p.organization.id === input.organizationId);
    if (shown.length === 0 && !skipped.some((s) => s.organizationId === input.organizationId)) {
      throw new AppError("not_found", "This organization has no hosts due for a notice in this campaign", [
        { field: "organizationId", message: "no due hosts" },
      ]);
    }
  }
  const today = new Date().toISOString().slice(0, 10).replace(/-/g, "");
  const notices = shown.slice(0, input.limit).map((plan) => {
    const language = input.language ?? plan.language;
    const { rendered, attachment, xarf } = renderNoticeContent(ctx.config, {
      kind: "initial",
      language,
      reference: `BAKEN#${today}-PREVIEW`,
      campaign,
      organizationName: plan.organization.name,
      operator: plan.organization.operator,
      hosts: plan.hosts,
      link: `${ctx.config.publicBaseUrl}/r/…`,
      linkExpiresAt: new Date(Date.now() + ctx.config.notices.tokenTtlDays * 86_400_000),
      firstNoticeAt: null,
    });
    return {
      organization: plan.organization,
      recipients: plan.recipients,
      language,
      hostCount: plan.hosts.length,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachment: {
        filename: attachment.filename,
        contentType: attachment.contentType,
        size: attachment.content.length,
        rows: attachment.rows,
      },
      xarf: xarf && {
        attachments: xarf.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: a.content.length,
        })),
        reports: xarf.reports.length,
        refused: xarf.refused
          .slice(0, REFUSED_SHOWN)
          .map((r) => ({ host: hostLine({ ...r.host, severity: r.host.severity ?? null }), reason: r.reason })),
        refusedCount: xarf.refused.length,
        omitted: xarf.omitted,
      },
    };
  });
  return {
    counts: {
      notices: plans.length,
      hosts: plans.reduce((sum, p) => sum + p.hosts.length, 0),
      noContact: skipped.filter((s) => s.reason === "no_contact").length,
      inactive: skipped.filter((s) => s.reason === "inactive").length,
      quietHosts,
    },
    // Who would get what, for all organizations (cheap); the rendered mails only for `notices`.
    organizations: plans.map((p) => ({
      id: p.organization.id,
      name: p.organization.name,
      language: p.language,
      recipients: p.recipients,
      hosts: p.hosts.length,
    })),
    skipped: input.organizationId ? skipped.filter((s) => s.organizationId === input.organizationId) : skipped,
    notices,
  };
}
