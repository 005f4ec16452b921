import { AppError } from "@baken/core";
import { findExpiredLists } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { deleteList } from "./delete-list.ts";

const SYSTEM: Actor = { id: null };
const DAY_MS = 86_400_000;

export type RetentionResult = {
  deleted: number;
  /** Lists kept although expired: deleting them would change a campaign's history (or they were busy). */
  refused: { listId: string; message: string }[];
};

/**
 * Deletes the lists older than `retentionDays` by the rules of a staff deletion (deleteList), each in a
 * transaction of its own, reading them oldest first `batchSize` at a time. A list refused stays and is
 * tried again on the next run (a newer list of its campaign may have made it deletable).
 */
export async function deleteExpiredLists(
  ctx: Pick<Ctx, "db">,
  input: { retentionDays: number; now?: Date; batchSize?: number },
): Promise<RetentionResult> {
  const before = new Date((input.now ?? new Date()).getTime() - input.retentionDays * DAY_MS);
  const result: RetentionResult = { deleted: 0, refused: [] };
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const batch = await findExpiredLists(ctx.db, { before, after, limit: input.batchSize ?? 50 });
    if (batch.length === 0) return result;
    for (const list of batch) {
      try {
        await deleteList(ctx, SYSTEM, { id: list.id, retentionDays: input.retentionDays });
        result.deleted++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        // not_found: deleted meanwhile (by staff, or another worker's sweep).
        if (err.code !== "not_found") result.refused.push({ listId: list.id, message: err.message });
      }
    }
    after = batch.at(-1)!;
  }
}
