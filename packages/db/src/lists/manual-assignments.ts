import { rows, type Tx } from "../transaction.ts";

/** Exposures of a list among `ids`, with the ip (as text) and hostname an assignment would name. */
export async function findListExposures(tx: Tx, listId: string, ids: number[]) {
  return rows<{ id: number; ip: string | null; hostname: string | null }>(
    tx,
    `SELECT "id", abbrev("ip") AS "ip", "hostname" FROM "exposure" WHERE "list_id" = $1::uuid AND "id" = ANY($2::int[])`,
    [listId, ids],
  );
}

/**
 * Assigns these ips and hostnames to an organization by hand (this beats every other match, for every
 * list from now on); one assigned before to another organization moves to this one.
 */
export async function upsertManualAssignments(
  tx: Tx,
  input: { organizationId: string; ips: string[]; hostnames: string[]; createdById: string | null },
): Promise<void> {
  for (const [column, type, values] of [
    ["ip", "inet", input.ips],
    ["hostname", "text", input.hostnames],
  ] as const) {
    if (values.length === 0) continue;
    await rows(
      tx,
      `INSERT INTO "manual_assignment" ("organization_id", "${column}", "created_by_id") SELECT $1::uuid, unnest($2::${type}[]), $3::uuid
       ON CONFLICT ("${column}") DO UPDATE SET "organization_id" = EXCLUDED."organization_id", "created_by_id" = EXCLUDED."created_by_id", "created_at" = now()`,
      [input.organizationId, values, input.createdById],
    );
  }
}
