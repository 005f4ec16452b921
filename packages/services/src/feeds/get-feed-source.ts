import { notFound } from "@baken/core";
import { findFeedPulls, findFeedSource } from "@baken/db";
import type { Ctx } from "../context.ts";
import { nextFeedPull } from "./feed-schedule.ts";
import { feedPullView, feedSourceView } from "./feed-source-view.ts";

/** How many of a source's latest runs its page shows. */
const RECENT_PULLS = 20;

/** A feed source, when it pulls next, and its latest runs, newest first, each with its reports' outcomes. */
export async function getFeedSource(ctx: Pick<Ctx, "db" | "producer">, input: { id: string }) {
  const source = await findFeedSource(ctx.db, input.id);
  if (!source) throw notFound("Feed source");
  const pulls = await findFeedPulls(ctx.db, source.id, RECENT_PULLS);
  const nextPullAt = await nextFeedPull(ctx, source.id);
  return { ...feedSourceView(source, { lastPull: pulls[0] ?? null, nextPullAt }), pulls: pulls.map(feedPullView) };
}
