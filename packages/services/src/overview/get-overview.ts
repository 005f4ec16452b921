import { findCampaignFigures, findRegistryFigures, TREND_DAYS } from "@baken/db";
import { QUEUES } from "@baken/queue";
import type { Ctx } from "../context.ts";

const CAMPAIGNS = 20;
const STATES = ["waiting", "active", "delayed", "failed", "completed"] as const;

/** Campaigns with their figures, the registry's size and coverage, and each queue's job counts. */
export async function getOverview(ctx: Pick<Ctx, "db" | "producer">) {
  const [campaigns, registry, queues] = await Promise.all([
    findCampaignFigures(ctx.db, CAMPAIGNS),
    findRegistryFigures(ctx.db),
    queueCounts(ctx),
  ]);
  return { trendDays: TREND_DAYS, campaigns, registry, queues };
}

// Redis down must not take the overview with it: the queues then read as unknown.
async function queueCounts(ctx: Pick<Ctx, "producer">) {
  return Promise.all(
    Object.values(QUEUES).map(async (name) => {
      try {
        const c = await ctx.producer.queue(name).getJobCounts(...STATES);
        return { name, available: true, ...Object.fromEntries(STATES.map((s) => [s, c[s] ?? 0])) };
      } catch {
        return { name, available: false, ...Object.fromEntries(STATES.map((s) => [s, 0])) };
      }
    }),
  ) as Promise<({ name: string; available: boolean } & Record<(typeof STATES)[number], number>)[]>;
}
