import type { OrganizationRecord } from "@baken/core";
import { rows, type Tx } from "../transaction.ts";

/**
 * Upserts organizations by name, in a fixed number of set-based statements whatever their number (unnest
 * arrays, no per-row round trip). An updated organization's contacts, networks, ASNs and domains become
 * exactly the record's (a contact that stays keeps its id, PGP key and active flag). Straight on the pg
 * connection: Prisma's raw queries kept ~100 MB of parameter copies alive for a 5,000-organization file;
 * pg passes the arrays as they are. Names must be distinct. Organizations not in the file are left as they
 * are, the abuse contacts made by matching (kind 'abuse_contact') among them; one the file names becomes
 * registered.
 */
export async function upsertOrganizations(
  tx: Tx,
  records: OrganizationRecord[],
): Promise<{ created: number; updated: number }> {
  const orgs = await rows<{ id: string; name: string; inserted: boolean }>(
    tx,
    `INSERT INTO "organization" ("name", "sector", "country", "language", "updated_at")
     SELECT t."name", t."sector", t."country", t."language"::"Language", now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t("name", "sector", "country", "language")
     ON CONFLICT ("name") DO UPDATE SET "sector" = EXCLUDED."sector", "country" = EXCLUDED."country",
       "language" = EXCLUDED."language", "kind" = 'registered', "updated_at" = now()
     RETURNING "id", "name", (xmax = 0) AS "inserted"`,
    [
      records.map((r) => r.name),
      records.map((r) => r.sector),
      records.map((r) => r.country),
      records.map((r) => r.language),
    ],
  );
  // Only where the file gives one: the address staff set in the console stays otherwise.
  const withFallback = records.filter((r) => r.fallbackEmail !== undefined);
  if (withFallback.length > 0) {
    await rows(
      tx,
      `UPDATE "organization" o SET "fallback_email" = t."fallback"
       FROM unnest($1::text[], $2::text[]) AS t("name", "fallback") WHERE o."name" = t."name"`,
      [withFallback.map((r) => r.name), withFallback.map((r) => r.fallbackEmail)],
    );
  }
  const idOf = new Map(orgs.map((o) => [o.name, o.id]));
  const ids = orgs.map((o) => o.id);
  const pairs = <T>(pick: (r: OrganizationRecord) => T[]) => {
    const orgIds: string[] = [];
    const values: T[] = [];
    for (const r of records)
      for (const v of pick(r)) {
        orgIds.push(idOf.get(r.name)!);
        values.push(v);
      }
    return [orgIds, values] as const;
  };

  const [cOrg, contacts] = pairs((r) => r.contacts);
  await rows(
    tx,
    `DELETE FROM "contact" c WHERE c."organization_id" = ANY($1::uuid[])
       AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::text[]) AS t("o", "e") WHERE t."o" = c."organization_id" AND t."e" = c."email")`,
    [ids, cOrg, contacts.map((c) => c.email)],
  );
  await rows(
    tx,
    `INSERT INTO "contact" ("organization_id", "email", "name", "role", "language")
     SELECT t."o", t."e", t."n", t."r"::"ContactRole", t."l"::"Language"
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t("o", "e", "n", "r", "l")
     ON CONFLICT ("organization_id", "email") DO UPDATE SET "name" = EXCLUDED."name", "role" = EXCLUDED."role",
       "language" = EXCLUDED."language"`,
    [
      cOrg,
      contacts.map((c) => c.email),
      contacts.map((c) => c.name),
      contacts.map((c) => c.role),
      contacts.map((c) => c.language ?? null),
    ],
  );

  const identifiers = [
    { table: "network", column: "cidr", type: "cidr", pick: (r: OrganizationRecord) => r.cidrs as unknown[] },
    { table: "autonomous_system", column: "asn", type: "bigint", pick: (r: OrganizationRecord) => r.asns as unknown[] },
    { table: "domain", column: "name", type: "text", pick: (r: OrganizationRecord) => r.domains as unknown[] },
  ];
  for (const { table, column, type, pick } of identifiers) {
    const [o, v] = pairs(pick);
    await rows(
      tx,
      `DELETE FROM "${table}" x WHERE x."organization_id" = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::${type}[]) AS t("o", "v") WHERE t."o" = x."organization_id" AND t."v" = x."${column}")`,
      [ids, o, v],
    );
    await rows(
      tx,
      `INSERT INTO "${table}" ("organization_id", "${column}") SELECT t."o", t."v" FROM unnest($1::uuid[], $2::${type}[]) AS t("o", "v")
       ON CONFLICT ("organization_id", "${column}") DO NOTHING`,
      [o, v],
    );
  }
  const created = orgs.filter((o) => o.inserted).length;
  return { created, updated: orgs.length - created };
}
