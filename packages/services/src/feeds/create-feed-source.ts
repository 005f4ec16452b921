import { apiKeyHint, type FeedSourceInput } from "@baken/core";
import {
  insertFeedSource,
  isUniqueViolation,
  recordAudit,
  setFeedRules,
  withTransaction,
  type FeedSourceFields,
} from "@baken/db";
import { randomUUID } from "node:crypto";
import type { Actor, Ctx } from "../context.ts";
import { sealCredentials } from "./feed-credentials.ts";
import { checkRules, nameTaken } from "./feed-source-checks.ts";
import { syncFeedSchedule } from "./feed-schedule.ts";
import { getFeedSource } from "./get-feed-source.ts";

/**
 * A new feed source. Its API key and secret are sealed with FEED_SECRET_KEY before they are stored, and never
 * answered again; its schedule becomes a job scheduler once committed.
 */
export async function createFeedSource(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: FeedSourceInput,
) {
  const id = randomUUID();
  const credentials =
    input.kind === "shadowserver" && input.apiKey && input.secret
      ? sealCredentials(ctx.config, id, { apiKey: input.apiKey, secret: input.secret })
      : null;
  const fields: FeedSourceFields = {
    name: input.name,
    enabled: input.enabled,
    apiUrl: input.kind === "shadowserver" ? input.apiUrl : null,
    downloadUrl: input.kind === "shadowserver" ? input.downloadUrl : null,
    credentials,
    apiKeyHint: credentials ? apiKeyHint(input.apiKey!) : null,
    reportTypes: input.reportTypes,
    mailingLists: input.mailingLists,
    schedule: input.kind === "shadowserver" ? input.schedule : null,
    lookbackDays: input.lookbackDays,
    tlp: input.tlp,
  };
  try {
    await withTransaction(ctx.db, async (tx) => {
      await checkRules(tx, input.rules);
      await insertFeedSource(tx, { id, kind: input.kind, createdById: actor.id, ...fields });
      await setFeedRules(tx, id, input.rules);
      await recordAudit(tx, actor, {
        action: "feed.create",
        subjectType: "feed_source",
        subjectId: id,
        details: { name: input.name, kind: input.kind, schedule: fields.schedule, rules: input.rules.length },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
  await syncFeedSchedule(ctx, id);
  return getFeedSource(ctx, { id });
}
