import { rows, type Conn, type Tx } from "../transaction.ts";

export type ContactOverrideRow = {
  id: string;
  cidr: string;
  organizationId: string;
  organizationName: string;
  organizationKind: "registered" | "abuse_contact";
  note: string;
  createdBy: string | null;
  createdAt: Date;
};

const COLUMNS = `c."id", c."cidr"::text AS "cidr", c."organization_id" AS "organizationId", o."name" AS "organizationName",
  o."kind" AS "organizationKind", c."note", s."email" AS "createdBy", c."created_at" AS "createdAt"`;
const FROM = `"contact_override" c JOIN "organization" o ON o."id" = c."organization_id"
  LEFT JOIN "staff_user" s ON s."id" = c."created_by_id"`;

/** Every override, the most specific range first within each. */
export async function findContactOverrides(conn: Conn): Promise<ContactOverrideRow[]> {
  return rows<ContactOverrideRow>(conn, `SELECT ${COLUMNS} FROM ${FROM} ORDER BY c."cidr", c."created_at"`);
}

/** A new override; null when the range has one already. `cidr` is a network's text as parseCidr gives it. */
export async function insertContactOverride(
  tx: Tx,
  fields: { cidr: string; organizationId: string; note: string; createdById: string | null },
): Promise<ContactOverrideRow | null> {
  const [made] = await rows<{ id: string }>(
    tx,
    `INSERT INTO "contact_override" ("cidr", "organization_id", "note", "created_by_id")
     VALUES ($1::cidr, $2::uuid, $3, $4::uuid) ON CONFLICT ("cidr") DO NOTHING RETURNING "id"`,
    [fields.cidr, fields.organizationId, fields.note, fields.createdById],
  );
  if (!made) return null;
  const [row] = await rows<ContactOverrideRow>(tx, `SELECT ${COLUMNS} FROM ${FROM} WHERE c."id" = $1::uuid`, [made.id]);
  return row!;
}

/** Removes an override; the row as it was, or null when there is none. */
export async function deleteContactOverride(tx: Tx, id: string): Promise<ContactOverrideRow | null> {
  const [row] = await rows<ContactOverrideRow>(
    tx,
    `SELECT ${COLUMNS} FROM ${FROM} WHERE c."id" = $1::uuid FOR UPDATE OF c`,
    [id],
  );
  if (!row) return null;
  await rows(tx, `DELETE FROM "contact_override" WHERE "id" = $1::uuid`, [id]);
  return row;
}
