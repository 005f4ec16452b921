import { AppError } from "@baken/core";
import { campaignExists, findProgressDays, findProgressMedians, findProgressTotals } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * Where a campaign stands, as a CERT reports it upward: per UTC day, from the first notice to today, the
 * cumulative counts (findProgressDays), where its hosts stand now, and the rates and medians staff report.
 */
export async function getCampaignProgress(ctx: Pick<Ctx, "db">, input: { campaignId: string }) {
  const { campaignId } = input;
  if (!(await campaignExists(ctx.db, campaignId))) {
    throw new AppError("not_found", `Campaign ${campaignId} not found`);
  }
  const [series, t, m] = await Promise.all([
    findProgressDays(ctx.db, campaignId),
    findProgressTotals(ctx.db, campaignId),
    findProgressMedians(ctx.db, campaignId),
  ]);
  const rate = (n: number) => (t.notified > 0 ? Math.round((n / t.notified) * 10_000) / 10_000 : null);
  const hours = (seconds: number | null) => (seconds == null ? null : Math.round((Number(seconds) / 3600) * 100) / 100);
  return {
    campaignId,
    days: series,
    totals: t,
    /** (gone + claimed fixed and not seen since) / notified */
    remediationRate: rate(t.remediated),
    /** gone / notified: what later lists confirm */
    goneRate: rate(t.gone),
    medianHoursToAnswer: hours(m.toAnswer),
    medianHoursToGone: hours(m.toGone),
  };
}
