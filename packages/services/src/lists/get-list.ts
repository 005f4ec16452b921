import { notFound } from "@baken/core";
import { findList, findListMatches, findLists, type Page } from "@baken/db";
import type { Ctx } from "../context.ts";

/** Lists, newest first. */
export async function listLists(ctx: Pick<Ctx, "db">, q: Page & { campaignId?: string }) {
  const { lists, total } = await findLists(ctx.db, q);
  return { lists, total, page: q.page, pageSize: q.pageSize };
}

/**
 * One list with its match summary: matched and unmatched exposures, the organizations involved with
 * their counts (most first), and how many exposures each match reason decided.
 */
export async function getList(ctx: Pick<Ctx, "db">, id: string) {
  const list = await findList(ctx.db, id);
  if (!list) throw notFound("List");
  const { reasons, organizations } = await findListMatches(ctx.db, id);
  const byReason = { manual: 0, domain: 0, network: 0, asn: 0 };
  let unmatched = 0;
  for (const r of reasons) {
    if (r.reason === null) unmatched += r.n;
    else byReason[r.reason] = r.n;
  }
  const matched = Object.values(byReason).reduce((a, b) => a + b, 0);
  return { ...list, summary: { exposures: matched + unmatched, matched, unmatched, byReason, organizations } };
}
