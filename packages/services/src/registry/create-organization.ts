import { AppError, validateOrganization } from "@baken/core";
import {
  findOrganizationView,
  insertOrganization,
  organizationNamed,
  recordAudit,
  updateOrganization,
  withTransaction,
  type OrganizationView,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";

/**
 * Registers one organization with its contacts, networks, ASNs and domains (the import's record shape), and
 * optionally the fallback address its bounced notices are re-sent to (`fallbackEmail`).
 */
export async function createOrganization(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: unknown,
): Promise<OrganizationView> {
  const v = validateOrganization(input);
  if (!v.ok)
    throw new AppError(
      "validation",
      `Invalid organization: ${v.errors.map((e) => `${e.field}: ${e.message}`).join("; ")}`,
      v.errors,
    );
  const r = v.record;
  const fallbackEmail = r.fallbackEmail;
  return withTransaction(ctx.db, async (tx) => {
    if (await organizationNamed(tx, r.name)) {
      throw new AppError("conflict", `An organization named '${r.name}' already exists`, [
        { field: "name", message: "already exists" },
      ]);
    }
    const id = await insertOrganization(tx, r);
    if (fallbackEmail) await updateOrganization(tx, id, { fallbackEmail });
    await recordAudit(tx, actor, {
      action: "organization.create",
      subjectType: "organization",
      subjectId: id,
      details: fallbackEmail ? { name: r.name, fallbackEmail } : { name: r.name },
    });
    return (await findOrganizationView(tx, id))!;
  });
}
