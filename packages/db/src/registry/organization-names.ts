import { rows, type Conn } from "../transaction.ts";

/** The names of these organizations, by id (one query for a page of rows). */
export async function organizationNames(conn: Conn, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const found = await rows<{ id: string; name: string }>(
    conn,
    `SELECT "id", "name" FROM "organization" WHERE "id" = ANY($1::uuid[])`,
    [wanted],
  );
  return new Map(found.map((o) => [o.id, o.name]));
}
