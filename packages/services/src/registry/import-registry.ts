import { AppError, readRegistryFile, type ErrorDetail, type OrganizationRecord } from "@baken/core";
import { withTransaction } from "@baken/db";
import type pg from "pg";
import type { Actor, Ctx } from "../context.ts";
import { recordAuditSql } from "../lists/record-audit-sql.ts";

export type RegistryImportResult = {
  format: "ndjson" | "csv";
  created: number;
  updated: number;
  rejected: number;
  rejections: { line: number; errors: ErrorDetail[] }[];
};

/**
 * Imports organizations (NDJSON or CSV, see @baken/core's README), upserting by name, in one transaction
 * and a fixed number of set-based statements whatever the file's size (unnest arrays, no per-row round
 * trip). An updated organization's contacts, networks, ASNs and domains become exactly the record's
 * (a contact that stays keeps its id, PGP key and active flag). Bad lines are rejected with their reasons;
 * the others are imported.
 */
export async function importRegistry(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { text: string },
): Promise<RegistryImportResult> {
  const { format, entries } = readRegistryFile(input.text);
  const rejections: RegistryImportResult["rejections"] = [];
  const firstLine = new Map<string, number>();
  const records: OrganizationRecord[] = [];
  for (const e of entries) {
    if (!e.ok) {
      rejections.push({ line: e.line, errors: e.errors });
      continue;
    }
    const earlier = firstLine.get(e.record.name);
    if (earlier !== undefined) {
      rejections.push({
        line: e.line,
        errors: [
          {
            line: e.line,
            field: "name",
            message: `duplicate of line ${earlier}`,
          },
        ],
      });
      continue;
    }
    firstLine.set(e.record.name, e.line);
    records.push(e.record);
  }
  if (records.length === 0) {
    throw new AppError(
      "validation",
      entries.length === 0 ? "The file holds no organizations" : "No organization in the file could be imported",
      rejections.flatMap((r) => r.errors).slice(0, 100),
    );
  }

  // Straight on a pg connection: Prisma's raw queries kept ~100 MB of parameter copies alive for a
  // 5,000-organization file; pg passes the arrays as they are.
  return withTransaction(ctx.db.pool, async (client) => {
    const sql = async <T extends object = object>(text: string, ...params: unknown[]) =>
      (await client.query<T & pg.QueryResultRow>(text, params)).rows;
    {
      const orgs = await sql<{ id: string; name: string; inserted: boolean }>(
        `INSERT INTO "organization" ("name", "sector", "country", "language", "updated_at")
         SELECT t."name", t."sector", t."country", t."language"::"Language", now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t("name", "sector", "country", "language")
         ON CONFLICT ("name") DO UPDATE SET "sector" = EXCLUDED."sector", "country" = EXCLUDED."country",
           "language" = EXCLUDED."language", "updated_at" = now()
         RETURNING "id", "name", (xmax = 0) AS "inserted"`,
        records.map((r) => r.name),
        records.map((r) => r.sector),
        records.map((r) => r.country),
        records.map((r) => r.language),
      );
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
      await sql(
        `DELETE FROM "contact" c WHERE c."organization_id" = ANY($1::uuid[])
           AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::text[]) AS t("o", "e") WHERE t."o" = c."organization_id" AND t."e" = c."email")`,
        ids,
        cOrg,
        contacts.map((c) => c.email),
      );
      await sql(
        `INSERT INTO "contact" ("organization_id", "email", "name", "role", "language")
         SELECT t."o", t."e", t."n", t."r"::"ContactRole", t."l"::"Language"
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t("o", "e", "n", "r", "l")
         ON CONFLICT ("organization_id", "email") DO UPDATE SET "name" = EXCLUDED."name", "role" = EXCLUDED."role",
           "language" = EXCLUDED."language"`,
        cOrg,
        contacts.map((c) => c.email),
        contacts.map((c) => c.name),
        contacts.map((c) => c.role),
        contacts.map((c) => c.language ?? null),
      );

      const lists = [
        {
          table: "network",
          column: "cidr",
          type: "cidr",
          pick: (r: OrganizationRecord) => r.cidrs as unknown[],
        },
        {
          table: "autonomous_system",
          column: "asn",
          type: "bigint",
          pick: (r: OrganizationRecord) => r.asns as unknown[],
        },
        {
          table: "domain",
          column: "name",
          type: "text",
          pick: (r: OrganizationRecord) => r.domains as unknown[],
        },
      ];
      for (const { table, column, type, pick } of lists) {
        const [o, v] = pairs(pick);
        await sql(
          `DELETE FROM "${table}" x WHERE x."organization_id" = ANY($1::uuid[])
             AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[], $3::${type}[]) AS t("o", "v") WHERE t."o" = x."organization_id" AND t."v" = x."${column}")`,
          ids,
          o,
          v,
        );
        await sql(
          `INSERT INTO "${table}" ("organization_id", "${column}") SELECT t."o", t."v" FROM unnest($1::uuid[], $2::${type}[]) AS t("o", "v")
           ON CONFLICT ("organization_id", "${column}") DO NOTHING`,
          o,
          v,
        );
      }

      const created = orgs.filter((o) => o.inserted).length;
      const result = {
        format,
        created,
        updated: orgs.length - created,
        rejected: rejections.length,
        rejections,
      };
      await recordAuditSql(client, actor, {
        action: "registry.import",
        subjectType: "organization",
        details: {
          format,
          created,
          updated: result.updated,
          rejected: rejections.length,
        },
      });
      return result;
    }
  });
}
