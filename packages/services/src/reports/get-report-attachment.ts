import { notFound } from "@baken/core";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor, Ctx } from "../context.ts";

/**
 * An attachment's bytes for a staff download. Downloads are audited: attachments are evidence (and may be
 * malware), so who took a copy is worth knowing.
 */
export async function getReportAttachment(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { reportId: string; attachmentId: string },
) {
  const attachment = await ctx.db.prisma.reportAttachment.findFirst({
    where: { id: input.attachmentId, reportId: input.reportId },
    select: { id: true, fileName: true, size: true, sha256: true, data: true },
  });
  if (!attachment) throw notFound(`Attachment ${input.attachmentId} of report ${input.reportId}`);
  await recordAudit(ctx.db.prisma, actor, {
    action: "report.attachment.download",
    subjectType: "incident_report",
    subjectId: input.reportId,
    details: { attachmentId: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256 },
  });
  return { ...attachment, data: Buffer.from(attachment.data) };
}
