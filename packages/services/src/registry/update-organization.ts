import { AppError, fallbackEmailSchema, notFound } from "@baken/core";
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

/** The fallback address checked and normalised (lower case; "" is none); a 400 naming the field otherwise. */
export function checkFallbackEmail(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  const parsed = fallbackEmailSchema.safeParse(value);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "not a valid e-mail address";
    throw new AppError("validation", `fallbackEmail: ${message}`, [{ field: "fallbackEmail", message }]);
  }
  return parsed.data;
}

export async function updateOrganization(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  id: string,
  changes: OrganizationChanges,
): Promise<OrganizationView> {
  const fallbackEmail = checkFallbackEmail(changes.fallbackEmail);
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
      fallbackEmail,
    });
    await recordAudit(tx, actor, {
      action: "organization.update",
      subjectType: "organization",
      subjectId: id,
      // Where a dead organization's notices go is worth its before and after.
      details:
        fallbackEmail === undefined
          ? changes
          : { ...changes, fallbackEmail, fallbackEmailBefore: before.fallbackEmail },
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
