import { AppError } from "@baken/core";
import { rows, type Tx } from "../transaction.ts";

/**
 * What a foreign key would check per row, once for a whole write: the organizations given as owners
 * still exist, and stay until the caller's transaction ends (FOR KEY SHARE, the lock a foreign key
 * takes). An organization deleted since the matcher was built fails the write with a 409 to retry.
 */
export async function lockOwners(tx: Tx, ids: Iterable<string>): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = await rows<{ id: string }>(
    tx,
    `SELECT "id" FROM "organization" WHERE "id" = ANY($1::uuid[]) ORDER BY "id" FOR KEY SHARE`,
    [wanted],
  );
  if (found.length === wanted.length) return;
  const present = new Set(found.map((r) => r.id));
  const gone = wanted.filter((id) => !present.has(id));
  const which = gone.length === 1 ? `organization ${gone[0]} was` : `${gone.length} organizations were`;
  throw new AppError("conflict", `The registry changed while matching: ${which} deleted. Try again.`, {
    deleted: gone,
  });
}
