import { AppError, normaliseCidr, normaliseDomain, notFound, parseAsn } from "@baken/core";
import {
  deleteIdentifier,
  insertIdentifier,
  organizationExists,
  recordAudit,
  withTransaction,
  type IdentifierKind,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

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

export async function addIdentifier(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  organizationId: string,
  kind: IdentifierKind,
  value: string | number,
) {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await organizationExists(tx, organizationId))) throw notFound("Organization");
    const row = await insertIdentifier(tx, organizationId, kind, normalise(kind, value));
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
  await withTransaction(ctx.db, async (tx) => {
    const removed = await deleteIdentifier(tx, organizationId, kind, id);
    if (removed === null) throw notFound(kind === "asn" ? "ASN" : kind[0]!.toUpperCase() + kind.slice(1));
    await recordAudit(tx, actor, {
      action: `${kind}.delete`,
      subjectType: "organization",
      subjectId: organizationId,
      details: { value: removed },
    });
  });
}
