import { notFound } from "@baken/core";
import { findReportAttachment, recordAudit } from "@baken/db";
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
  const attachment = await findReportAttachment(ctx.db, input.reportId, input.attachmentId);
  if (!attachment) throw notFound(`Attachment ${input.attachmentId} of report ${input.reportId}`);
  await recordAudit(ctx.db, actor, {
    action: "report.attachment.download",
    subjectType: "incident_report",
    subjectId: input.reportId,
    details: { attachmentId: attachment.id, fileName: attachment.fileName, sha256: attachment.sha256 },
  });
  return { ...attachment, data: Buffer.from(attachment.data) };
}
