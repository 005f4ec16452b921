import { AppError, normaliseCidr, normaliseDomain, notFound, parseAsn } from "@baken/core";
import type { Prisma } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";

/** What identifies an organization's hosts: a network (CIDR), an AS number or a registered domain. */
export type IdentifierKind = "network" | "asn" | "domain";

const TABLE = { network: "network", asn: "autonomous_system", domain: "domain" } as const;
const COLUMN = { network: "cidr", asn: "asn", domain: "name" } as const;
const CAST = { network: "cidr", asn: "bigint", domain: "text" } as const;
const FIELD = { network: "cidr", asn: "asn", domain: "name" } as const;

function normalise(kind: IdentifierKind, value: string | number): string | number {
  const r =
    kind === "network"
      ? normaliseCidr(String(value))
      : kind === "asn"
        ? parseAsn(String(value))
        : normaliseDomain(String(value));
  if (!r.ok)
    throw new AppError("validation", `${FIELD[kind]}: ${r.message}`, [{ field: FIELD[kind], message: r.message }]);
  return r.value;
}

type Tx = Pick<Prisma.TransactionClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/**
 * Registers a network, ASN or domain to an organization inside `tx` (a network only once per
 * organization; different organizations may hold overlapping or equal ones). Returns its id and value.
 */
export async function registerIdentifierIn(
  tx: Tx,
  organizationId: string,
  kind: IdentifierKind,
  value: string | number,
) {
  const v = normalise(kind, value);
  const rows = await tx.$queryRawUnsafe<{ id: number; value: string }[]>(
    `INSERT INTO "${TABLE[kind]}" ("organization_id", "${COLUMN[kind]}") VALUES ($1::uuid, $2::${CAST[kind]})
     ON CONFLICT ("organization_id", "${COLUMN[kind]}") DO NOTHING RETURNING "id", "${COLUMN[kind]}"::text AS "value"`,
    organizationId,
    v,
  );
  return rows[0] ?? null;
}

export async function addIdentifier(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  organizationId: string,
  kind: IdentifierKind,
  value: string | number,
) {
  return ctx.db.prisma.$transaction(async (tx) => {
    if (!(await tx.organization.findUnique({ where: { id: organizationId } }))) throw notFound("Organization");
    const row = await registerIdentifierIn(tx, organizationId, kind, value);
    if (!row) {
      throw new AppError("conflict", `This ${kind} is already registered to the organization`, [
        { field: FIELD[kind], message: "already registered" },
      ]);
    }
    await recordAudit(tx, actor, {
      action: `${kind}.create`,
      subjectType: "organization",
      subjectId: organizationId,
      details: { value: row.value },
    });
    return { id: row.id, value: kind === "asn" ? Number(row.value) : row.value };
  });
}

export async function removeIdentifier(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  organizationId: string,
  kind: IdentifierKind,
  id: number,
) {
  await ctx.db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<{ value: string }[]>(
      `DELETE FROM "${TABLE[kind]}" WHERE "id" = $1 AND "organization_id" = $2::uuid RETURNING "${COLUMN[kind]}"::text AS "value"`,
      id,
      organizationId,
    );
    if (rows.length === 0) throw notFound(kind === "asn" ? "ASN" : kind[0]!.toUpperCase() + kind.slice(1));
    await recordAudit(tx, actor, {
      action: `${kind}.delete`,
      subjectType: "organization",
      subjectId: organizationId,
      details: { value: rows[0]!.value },
    });
  });
}
