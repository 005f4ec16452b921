import { rows, type Conn, type Tx } from "../transaction.ts";

/** What identifies an organization's hosts: a network (CIDR), an AS number or a registered domain. */
export type IdentifierKind = "network" | "asn" | "domain";

const TABLE = { network: "network", asn: "autonomous_system", domain: "domain" } as const;
const COLUMN = { network: "cidr", asn: "asn", domain: "name" } as const;
const CAST = { network: "cidr", asn: "bigint", domain: "text" } as const;

/**
 * Registers a normalised network, ASN or domain to an organization; null when the organization has it
 * already (a network only once per organization; different organizations may hold overlapping or equal ones).
 */
export async function insertIdentifier(
  conn: Conn,
  organizationId: string,
  kind: IdentifierKind,
  value: string | number,
): Promise<{ id: number; value: string } | null> {
  const [row] = await rows<{ id: number; value: string }>(
    conn,
    `INSERT INTO "${TABLE[kind]}" ("organization_id", "${COLUMN[kind]}") VALUES ($1::uuid, $2::${CAST[kind]})
     ON CONFLICT ("organization_id", "${COLUMN[kind]}") DO NOTHING RETURNING "id", "${COLUMN[kind]}"::text AS "value"`,
    [organizationId, value],
  );
  return row ?? null;
}

/** Removes one of an organization's identifiers; its value as text, or null when it has no such one. */
export async function deleteIdentifier(
  tx: Tx,
  organizationId: string,
  kind: IdentifierKind,
  id: number,
): Promise<string | null> {
  const [row] = await rows<{ value: string }>(
    tx,
    `DELETE FROM "${TABLE[kind]}" WHERE "id" = $1 AND "organization_id" = $2::uuid RETURNING "${COLUMN[kind]}"::text AS "value"`,
    [id, organizationId],
  );
  return row?.value ?? null;
}
