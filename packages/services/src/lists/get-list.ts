import { notFound } from "@baken/core";
import { findList, findListMatches, findLists, type Page } from "@baken/db";
import type { Ctx } from "../context.ts";
import { coverageOf } from "./coverage.ts";

/** Lists, newest first. */
export async function listLists(ctx: Pick<Ctx, "db">, q: Page & { campaignId?: string }) {
  const { lists, total } = await findLists(ctx.db, q);
  return { lists, total, page: q.page, pageSize: q.pageSize };
}

/**
 * One list with its match summary: matched and unmatched exposures, the organizations involved with
 * their counts (most first), how many exposures each match reason decided, and the coverage: hosts reaching
 * a registered organization, an abuse contact (by source), nobody.
 */
export async function getList(ctx: Pick<Ctx, "db">, id: string) {
  const list = await findList(ctx.db, id);
  if (!list) throw notFound("List");
  const { reasons, organizations } = await findListMatches(ctx.db, id);
  const { byReason, coverage } = coverageOf(reasons);
  const unmatched = coverage.nobody;
  const matched = coverage.registered + coverage.abuseContact;
  return {
    ...list,
    summary: { exposures: matched + unmatched, matched, unmatched, byReason, coverage, organizations },
  };
}
