import { notFound } from "@baken/core";
import { findOrganizations, findOrganizationView } from "@baken/db";
import type { Ctx } from "../context.ts";

export type OrganizationQuery = { search?: string; page: number; pageSize: number };

/** Organizations by name, with how much each has registered. */
export async function listOrganizations(ctx: Pick<Ctx, "db">, q: OrganizationQuery) {
  const { total, organizations } = await findOrganizations(ctx.db, q);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    organizations: organizations.map((o) => ({
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
  const view = await findOrganizationView(ctx.db, id);
  if (!view) throw notFound("Organization");
  return view;
}
