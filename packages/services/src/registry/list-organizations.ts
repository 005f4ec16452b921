import type { Ctx } from "../context.ts";
import { organizationView } from "./organization-view.ts";
import { notFound } from "@baken/core";

export type OrganizationQuery = { search?: string; page: number; pageSize: number };

/** Organizations by name, with how much each has registered. */
export async function listOrganizations(ctx: Pick<Ctx, "db">, q: OrganizationQuery) {
  const where = q.search ? { name: { contains: q.search, mode: "insensitive" as const } } : {};
  const [total, orgs] = await Promise.all([
    ctx.db.prisma.organization.count({ where }),
    ctx.db.prisma.organization.findMany({
      where,
      orderBy: { name: "asc" },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { _count: { select: { contacts: true, networks: true, asns: true, domains: true } } },
    }),
  ]);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    organizations: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      sector: o.sector,
      country: o.country,
      language: o.language,
      active: o.active,
      counts: o._count,
    })),
  };
}

export async function getOrganization(ctx: Pick<Ctx, "db">, id: string) {
  const view = await organizationView(ctx.db.prisma, id);
  if (!view) throw notFound("Organization");
  return view;
}
