import { notFound } from "@baken/core";
import { findExposures, findListErrors, listExists, organizationNames, type ExposureView, type Page } from "@baken/db";
import type { Ctx } from "../context.ts";

export type ExposureQuery = Page & { matched?: boolean; organizationId?: string };

/** A page of a list's exposures in file order, filtered by matched / unmatched and organization. */
export async function listExposures(ctx: Pick<Ctx, "db">, listId: string, q: ExposureQuery) {
  if (!(await listExists(ctx.db, listId))) throw notFound("List");
  const { exposures: found, total } = await findExposures(ctx.db, listId, q);
  const names = await organizationNames(
    ctx.db,
    found.flatMap((r) => r.candidates.map((c) => c.organizationId)),
  );
  const exposures: ExposureView[] = found.map(({ organizationId, organizationName, candidates, ...e }) => ({
    ...e,
    organization: organizationId ? { id: organizationId, name: organizationName ?? "" } : null,
    candidates: candidates.map((c) => ({ ...c, organizationName: names.get(c.organizationId) ?? null })),
  }));
  return { exposures, total, page: q.page, pageSize: q.pageSize };
}

/** A page of the rows a list rejected, by line. */
export async function listListErrors(ctx: Pick<Ctx, "db">, listId: string, q: Page) {
  if (!(await listExists(ctx.db, listId))) throw notFound("List");
  const { errors, total } = await findListErrors(ctx.db, listId, q);
  return { errors, total, page: q.page, pageSize: q.pageSize };
}
