import type { RegistrySnapshot } from "@baken/core";
import { rows, type Conn } from "../transaction.ts";

/**
 * The registry's version: registry_version, bumped by triggers in the same transaction as any change to
 * what matching reads, so one cheap read tells whether a matcher built earlier is still the registry's.
 */
export async function readRegistryVersion(conn: Conn): Promise<string> {
  const [row] = await rows<{ version: string }>(
    conn,
    `SELECT "version"::text AS "version" FROM "registry_version" WHERE "id" = 1`,
  );
  return row?.version ?? "0";
}

/**
 * What matching needs from the registry (active organizations only), each in registration order. Inside a
 * transaction: as that transaction sees it, its own uncommitted changes included.
 */
export async function loadRegistrySnapshot(conn: Conn): Promise<RegistrySnapshot> {
  const active = `JOIN "organization" o ON o."id" = t."organization_id" AND o."active"`;
  // One after another: on a single connection (a transaction) pg runs them in turn anyway.
  type Row<K extends keyof RegistrySnapshot> = RegistrySnapshot[K][number];
  const networks = await rows<Row<"networks">>(
    conn,
    `SELECT t."organization_id" AS "organizationId", t."cidr"::text AS "cidr" FROM "network" t ${active} ORDER BY t."id"`,
  );
  const domains = await rows<Row<"domains">>(
    conn,
    `SELECT t."organization_id" AS "organizationId", t."name" FROM "domain" t ${active} ORDER BY t."id"`,
  );
  const asns = await rows<Row<"asns">>(
    conn,
    `SELECT t."organization_id" AS "organizationId", t."asn" FROM "autonomous_system" t ${active} ORDER BY t."id"`,
  );
  const manual = await rows<Row<"manual">>(
    conn,
    `SELECT t."organization_id" AS "organizationId", abbrev(t."ip") AS "ip", t."hostname" FROM "manual_assignment" t ${active} ORDER BY t."id"`,
  );
  return { networks, domains, asns, manual };
}
