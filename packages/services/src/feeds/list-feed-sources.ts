import { findFeedSources, findLatestFeedPulls } from "@baken/db";
import type { Ctx } from "../context.ts";
import { nextFeedPull } from "./feed-schedule.ts";
import { feedSourceView } from "./feed-source-view.ts";

/** Every feed source with its last run's outcome and its next pull. */
export async function listFeedSources(ctx: Pick<Ctx, "db" | "producer">) {
  const [sources, latest] = await Promise.all([findFeedSources(ctx.db), findLatestFeedPulls(ctx.db)]);
  return Promise.all(
    sources.map(async (s) =>
      feedSourceView(s, { lastPull: latest.get(s.id) ?? null, nextPullAt: await nextFeedPull(ctx, s.id) }),
    ),
  );
}
