import { AppError, notFound, type Language } from "@baken/core";
import { findCampaign } from "@baken/db";
import type { Ctx } from "../context.ts";
import { renderNoticeContent } from "../notices/notice-view.ts";
import { planNotices } from "./plan-notices.ts";

export type PreviewInput = { id: string; organizationId?: string; limit: number; language?: Language };

/**
 * Every notice that sending the campaign now would create, rendered but not stored or sent: counts for
 * all, and the full mail (subject, text, HTML, attachment rows) for one organization or the first `limit`.
 * The reference and the personal link are placeholders: both are made when the notice is created.
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
    const { rendered, attachment } = renderNoticeContent(ctx.config, {
      kind: "initial",
      language,
      reference: `BAKEN#${today}-PREVIEW`,
      campaign,
      organizationName: plan.organization.name,
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
