import type pg from "pg";

/** The names of these organizations, by id (one query for a page of rows). */
export async function organizationNames(db: Pick<pg.Pool, "query">, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT "id", "name" FROM "organization" WHERE "id" = ANY($1::uuid[])`,
    [wanted],
  );
  return new Map(rows.map((o) => [o.id, o.name]));
}
