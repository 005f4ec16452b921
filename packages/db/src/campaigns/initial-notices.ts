import type { Language } from "@baken/core";
import { changed, rows, type Tx } from "../transaction.ts";

/** The next `count` numbers of notice_reference_seq, in order. */
export async function nextNoticeNumbers(tx: Tx, count: number): Promise<number[]> {
  if (count === 0) return [];
  const numbers = await rows<{ n: number }>(
    tx,
    `SELECT nextval('notice_reference_seq')::int AS n FROM generate_series(1, $1::int)`,
    [count],
  );
  return numbers.map((r) => r.n);
}

export type NewInitialNotice = {
  id: string;
  reference: string;
  organizationId: string;
  recipients: string[];
  language: Language;
  hostCount: number;
  tokenHash: string;
};

/**
 * Inserts a campaign's initial notices (`queued`) and moves their hosts to `notified` (notice_id,
 * notified_at): one statement each, however many thousands. Throws unless every host was moved.
 */
export async function insertInitialNotices(
  tx: Tx,
  input: { campaignId: string; notices: NewInitialNotice[]; hostIds: number[]; tokenExpiresAt: Date; at: Date },
): Promise<void> {
  const { campaignId, notices, hostIds, at } = input;
  if (notices.length === 0) return;
  await rows(
    tx,
    `INSERT INTO notice (id, reference, campaign_id, organization_id, kind, recipients, language, status, host_count, token_hash, token_expires_at, created_at)
     SELECT n.id, n.reference, $1::uuid, n.organization_id, 'initial', ARRAY(SELECT jsonb_array_elements_text(n.recipients)),
            n.language::"Language", 'queued', n.host_count, n.token_hash, $2, $3
       FROM jsonb_to_recordset($4::jsonb)
         AS n(id uuid, reference text, organization_id uuid, recipients jsonb, language text, host_count int, token_hash text)`,
    [
      campaignId,
      input.tokenExpiresAt,
      at,
      // Rows as one JSON array: one parameter for thousands of notices.
      JSON.stringify(
        notices.map((n) => ({
          id: n.id,
          reference: n.reference,
          organization_id: n.organizationId,
          recipients: n.recipients,
          language: n.language,
          host_count: n.hostCount,
          token_hash: n.tokenHash,
        })),
      ),
    ],
  );
  const updated = await changed(
    tx,
    `UPDATE campaign_host h SET notice_id = n.id, notified_at = $1, state = 'notified'
       FROM notice n
      WHERE n.id = ANY($2::uuid[]) AND h.id = ANY($3::int[])
        AND h.organization_id = n.organization_id AND h.campaign_id = $4::uuid`,
    [at, notices.map((n) => n.id), hostIds, campaignId],
  );
  if (updated !== hostIds.length) throw new Error(`send-campaign: ${updated} hosts marked, expected ${hostIds.length}`);
}

/** A campaign's notices waiting to go out (`queued`): new ones, and earlier ones whose enqueue failed. */
export async function findQueuedNoticeIds(tx: Tx, campaignId: string): Promise<string[]> {
  const queued = await rows<{ id: string }>(
    tx,
    `SELECT id FROM notice WHERE campaign_id = $1::uuid AND status = 'queued'`,
    [campaignId],
  );
  return queued.map((n) => n.id);
}
