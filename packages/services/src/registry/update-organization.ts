import { AppError, notFound } from "@baken/core";
import type { Actor, Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { organizationView, type OrganizationView } from "./organization-view.ts";

export type OrganizationChanges = {
  name?: string;
  sector?: string | null;
  country?: string | null;
  language?: "nl" | "fr" | "de" | "en";
  active?: boolean;
};

export async function updateOrganization(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  id: string,
  changes: OrganizationChanges,
): Promise<OrganizationView> {
  return ctx.db.prisma.$transaction(async (tx) => {
    const before = await tx.organization.findUnique({ where: { id } });
    if (!before) throw notFound("Organization");
    if (
      changes.name !== undefined &&
      changes.name !== before.name &&
      (await tx.organization.findUnique({ where: { name: changes.name } }))
    ) {
      throw new AppError("conflict", `An organization named '${changes.name}' already exists`, [
        { field: "name", message: "already exists" },
      ]);
    }
    await tx.organization.update({
      where: { id },
      data: {
        ...changes,
        country: changes.country === undefined ? undefined : (changes.country?.toUpperCase() ?? null),
      },
    });
    await recordAudit(tx, actor, {
      action: "organization.update",
      subjectType: "organization",
      subjectId: id,
      details: changes,
    });
    return (await organizationView(tx, id))!;
  });
}

export async function deleteOrganization(ctx: Pick<Ctx, "db">, actor: Actor, id: string): Promise<void> {
  await ctx.db.prisma.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id } });
    if (!org) throw notFound("Organization");
    await tx.organization.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "organization.delete",
      subjectType: "organization",
      subjectId: id,
      details: { name: org.name },
    });
  });
}
