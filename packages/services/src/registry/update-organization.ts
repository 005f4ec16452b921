import { AppError, notFound } from "@baken/core";
import {
  deleteOrganization as deleteOrganizationRow,
  findOrganization,
  findOrganizationView,
  organizationNamed,
  recordAudit,
  updateOrganization as updateOrganizationRow,
  withTransaction,
  type OrganizationFields,
  type OrganizationView,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

export type OrganizationChanges = Partial<OrganizationFields>;

export async function updateOrganization(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  id: string,
  changes: OrganizationChanges,
): Promise<OrganizationView> {
  return withTransaction(ctx.db, async (tx) => {
    const before = await findOrganization(tx, id);
    if (!before) throw notFound("Organization");
    if (changes.name !== undefined && changes.name !== before.name && (await organizationNamed(tx, changes.name))) {
      throw new AppError("conflict", `An organization named '${changes.name}' already exists`, [
        { field: "name", message: "already exists" },
      ]);
    }
    await updateOrganizationRow(tx, id, {
      ...changes,
      country: changes.country === undefined ? undefined : (changes.country?.toUpperCase() ?? null),
    });
    await recordAudit(tx, actor, {
      action: "organization.update",
      subjectType: "organization",
      subjectId: id,
      details: changes,
    });
    return (await findOrganizationView(tx, id))!;
  });
}

export async function deleteOrganization(ctx: Pick<Ctx, "db">, actor: Actor, id: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const name = await deleteOrganizationRow(tx, id);
    if (name === null) throw notFound("Organization");
    await recordAudit(tx, actor, {
      action: "organization.delete",
      subjectType: "organization",
      subjectId: id,
      details: { name },
    });
  });
}
