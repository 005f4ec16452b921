import { rows, type Tx } from "./transaction.ts";

// Advisory locks: one per kind of work that must not run twice at once for the same subject. Each is held
// until its transaction ends, and is the first lock the transaction takes (README.md: "Transactions and
// locks" has the order of every lock).

/** Advisory-lock namespace of reminder rounds (the second key is the campaign): "REMD". */
const REMIND_LOCK = 0x52454d44;

/** Sending a campaign: a second send waits, then finds the hosts the first one notified no longer due. */
export async function lockCampaignSend(tx: Tx, campaignId: string): Promise<void> {
  await rows(tx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`baken:send-campaign:${campaignId}`]);
}

/** A reminder round of a campaign: a concurrent round waits, then sees the reminders just made as too recent. */
export async function lockCampaignReminders(tx: Tx, campaignId: string): Promise<void> {
  await rows(tx, `SELECT pg_advisory_xact_lock($1::int, hashtext($2::text))`, [REMIND_LOCK, campaignId]);
}
