import { AppError, validateOrganization } from "@baken/core";
import type { Actor, Ctx } from "../context.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { organizationView, type OrganizationView } from "./organization-view.ts";

/** Registers one organization with its contacts, networks, ASNs and domains (the import's record shape). */
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
  return ctx.db.prisma.$transaction(async (tx) => {
    if (await tx.organization.findUnique({ where: { name: r.name } })) {
      throw new AppError("conflict", `An organization named '${r.name}' already exists`, [
        { field: "name", message: "already exists" },
      ]);
    }
    const org = await tx.organization.create({
      data: {
        name: r.name,
        sector: r.sector,
        country: r.country,
        language: r.language,
        contacts: {
          create: r.contacts.map((c) => ({ email: c.email, name: c.name, role: c.role, language: c.language ?? null })),
        },
        asns: { create: r.asns.map((asn) => ({ asn })) },
        domains: { create: r.domains.map((name) => ({ name })) },
      },
    });
    if (r.cidrs.length > 0) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "network" ("organization_id", "cidr") SELECT $1::uuid, c FROM unnest($2::cidr[]) AS c`,
        org.id,
        r.cidrs,
      );
    }
    await recordAudit(tx, actor, {
      action: "organization.create",
      subjectType: "organization",
      subjectId: org.id,
      details: { name: r.name },
    });
    return (await organizationView(tx, org.id))!;
  });
}
