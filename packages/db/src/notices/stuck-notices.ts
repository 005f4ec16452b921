import type { Db } from "../client.ts";
import { rows } from "../transaction.ts";

/**
 * Notices `queued` or `sending` whose status has not changed for `olderThanMs` (of one campaign, or all),
 * longest waiting first: the candidates of the repair sweep.
 */
export async function findPendingNotices(db: Db, olderThanMs: number, campaignId: string | null): Promise<string[]> {
  const pending = await rows<{ id: string }>(
    db,
    `SELECT id FROM notice
      WHERE status IN ('queued', 'sending') AND status_changed_at < now() - $1 * interval '1 millisecond'
        AND ($2::uuid IS NULL OR campaign_id = $2::uuid)
      ORDER BY status_changed_at`,
    [olderThanMs, campaignId],
  );
  return pending.map((r) => r.id);
}

/** Those of `ids` still `queued` or `sending` now. */
export async function stillPending(db: Db, ids: string[]): Promise<Set<string>> {
  const still = await rows<{ id: string }>(
    db,
    `SELECT id FROM notice WHERE id = ANY($1::uuid[]) AND status IN ('queued', 'sending')`,
    [ids],
  );
  return new Set(still.map((r) => r.id));
}

/** Says on a notice still waiting to go out (queued or sending) why, for staff. */
export async function noteWaitingNotice(db: Db, id: string, text: string): Promise<void> {
  await rows(db, `UPDATE notice SET last_error = $2 WHERE id = $1 AND status IN ('queued', 'sending')`, [id, text]);
}

/** Says on a notice why it is held back, once (a sweep every few minutes changes nothing the next time). */
export async function noteHeldBackNotice(db: Db, id: string, text: string): Promise<void> {
  await rows(db, `UPDATE notice SET last_error = $2 WHERE id = $1 AND last_error IS DISTINCT FROM $2`, [id, text]);
}
