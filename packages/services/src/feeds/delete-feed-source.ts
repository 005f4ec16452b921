import { notFound } from "@baken/core";
import { deleteFeedSource as deleteFeedSourceRow, recordAudit, withTransaction } from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { syncFeedSchedule } from "./feed-schedule.ts";

/** Deletes a source, its rules, runs and report record, and its schedule. The lists it brought stay. */
export async function deleteFeedSource(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: { id: string },
) {
  await withTransaction(ctx.db, async (tx) => {
    if (!(await deleteFeedSourceRow(tx, input.id))) throw notFound("Feed source");
    await recordAudit(tx, actor, { action: "feed.delete", subjectType: "feed_source", subjectId: input.id });
  });
  await syncFeedSchedule(ctx, input.id);
}
