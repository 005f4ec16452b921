import { rsitFromIntelmq, type Actor, type Classification } from "@baken/core";
import { adoptListClassification, recordAudit, type Tx } from "@baken/db";

/**
 * Inside the transaction that puts a list in a campaign (an upload, an attach, a feed's report): a campaign
 * not classified yet takes the list's RSIT classification, from the report type's own (Shadowserver's schema,
 * an IntelMQ event's), with its identifier. A classification that does not map to RSIT leaves the campaign
 * as it is, for staff to classify. Null when nothing changed.
 */
export async function classifyFromList(
  tx: Tx,
  actor: Actor,
  input: { campaignId: string; listId: string; reportType: string | null; classification: Classification | null },
) {
  if (!input.classification) return null;
  const mapped = rsitFromIntelmq(input.classification);
  if (!mapped.ok) return null;
  const { rsitClass, rsitType } = mapped;
  const identifier = input.classification.identifier;
  if (!(await adoptListClassification(tx, input.campaignId, { rsitClass, rsitType, identifier, listId: input.listId })))
    return null;
  await recordAudit(tx, actor, {
    action: "campaign.classify",
    subjectType: "campaign",
    subjectId: input.campaignId,
    details: { rsitClass, rsitType, identifier, fromList: input.listId, reportType: input.reportType },
  });
  return { rsitClass, rsitType };
}
