import { rows, type Conn, type Tx } from "../transaction.ts";
import { contactHealthJson } from "./contact-health.ts";
import type { ContactView } from "./organizations.ts";

const CONTACT = `"id", "email", "name", "role"::text AS "role", "language"::text AS "language",
  "pgp_public_key" AS "pgpPublicKey", "active", ${contactHealthJson('"contact"')} AS "health"`;

/** One of an organization's contacts, by id; null when the organization has no such contact. */
export async function findContact(conn: Conn, organizationId: string, id: string): Promise<ContactView | null> {
  const [contact] = await rows<ContactView>(
    conn,
    `SELECT ${CONTACT} FROM "contact" WHERE "id" = $1::uuid AND "organization_id" = $2::uuid`,
    [id, organizationId],
  );
  return contact ?? null;
}

export async function contactExists(conn: Conn, organizationId: string, email: string): Promise<boolean> {
  return (
    (
      await rows(conn, `SELECT 1 FROM "contact" WHERE "organization_id" = $1::uuid AND "email" = $2`, [
        organizationId,
        email,
      ])
    ).length > 0
  );
}

export async function insertContact(
  tx: Tx,
  organizationId: string,
  c: Omit<ContactView, "id" | "health">,
): Promise<ContactView> {
  const [contact] = await rows<ContactView>(
    tx,
    `INSERT INTO "contact" ("organization_id", "email", "name", "role", "language", "pgp_public_key", "active")
     VALUES ($1::uuid, $2, $3, $4::"ContactRole", $5::"Language", $6, $7) RETURNING ${CONTACT}`,
    [organizationId, c.email, c.name, c.role, c.language, c.pgpPublicKey, c.active],
  );
  return contact!;
}

const COLUMNS = {
  email: `"email" = $N`,
  name: `"name" = $N`,
  role: `"role" = $N::"ContactRole"`,
  language: `"language" = $N::"Language"`,
  pgpPublicKey: `"pgp_public_key" = $N`,
  active: `"active" = $N`,
} as const;

/** Changes the fields given (undefined: unchanged) and returns the contact as it now is. */
export async function updateContact(
  tx: Tx,
  id: string,
  changes: Partial<Omit<ContactView, "id" | "health">>,
): Promise<ContactView> {
  const params: unknown[] = [id];
  const set = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])
    .filter((field) => changes[field] !== undefined)
    .map((field) => COLUMNS[field].replace("$N", `$${params.push(changes[field])}`));
  const [contact] = await rows<ContactView>(
    tx,
    set.length > 0
      ? `UPDATE "contact" SET ${set.join(", ")} WHERE "id" = $1::uuid RETURNING ${CONTACT}`
      : `SELECT ${CONTACT} FROM "contact" WHERE "id" = $1::uuid`,
    params,
  );
  return contact!;
}

/** Removes one of an organization's contacts; its e-mail address, or null when it has no such contact. */
export async function deleteContact(tx: Tx, organizationId: string, id: string): Promise<string | null> {
  const [removed] = await rows<{ email: string }>(
    tx,
    `DELETE FROM "contact" WHERE "id" = $1::uuid AND "organization_id" = $2::uuid RETURNING "email"`,
    [id, organizationId],
  );
  return removed?.email ?? null;
}
