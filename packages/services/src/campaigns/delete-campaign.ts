import { AppError, notFound } from "@baken/core";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";

/** Only a campaign that has notified no one can go: notices and their links must stay traceable. */
export async function deleteCampaign(ctx: Pick<Ctx, "db">, actor: Actor, input: { id: string }) {
  await ctx.db.prisma.$transaction(async (tx) => {
    const campaign = await tx.campaign.findUnique({
      where: { id: input.id },
      include: { _count: { select: { notices: true } } },
    });
    if (!campaign) throw notFound("Campaign");
    if (campaign._count.notices > 0) {
      throw new AppError(
        "conflict",
        `Campaign "${campaign.name}" has ${campaign._count.notices} notices and cannot be deleted`,
      );
    }
    await tx.campaign.delete({ where: { id: input.id } });
    await recordAudit(tx, actor, {
      action: "campaign.delete",
      subjectType: "campaign",
      subjectId: input.id,
      details: { name: campaign.name },
    });
  });
}
