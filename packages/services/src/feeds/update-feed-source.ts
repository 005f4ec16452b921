import { AppError, apiKeyHint, type FeedSourcePatch } from "@baken/core";
import {
  findFeedSource,
  isUniqueViolation,
  recordAudit,
  setFeedRules,
  updateFeedSource as updateFeedSourceRow,
  withTransaction,
  type FeedSourceFields,
} from "@baken/db";
import type { Actor, Ctx } from "../context.ts";
import { openCredentials, sealCredentials } from "./feed-credentials.ts";
import { checkRules, nameTaken } from "./feed-source-checks.ts";
import { syncFeedSchedule } from "./feed-schedule.ts";
import { getFeedSource } from "./get-feed-source.ts";

/** What the audit trail says of a change: the fields, never the credentials' values. */
const changed = (input: object) =>
  Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);

/**
 * Changes a feed source. An API key or secret given replaces the stored one (the other stays); absent or
 * empty, both stay: the console never has them to send back.
 */
export async function updateFeedSource(
  ctx: Pick<Ctx, "db" | "config" | "producer">,
  actor: Actor,
  input: { id: string; patch: FeedSourcePatch },
) {
  const { patch } = input;
  try {
    await withTransaction(ctx.db, async (tx) => {
      const current = await findFeedSource(tx, input.id);
      if (!current) throw new AppError("not_found", "Feed source not found");
      await checkRules(tx, patch.rules);
      const fields: Partial<FeedSourceFields> = {
        name: patch.name,
        enabled: patch.enabled,
        reportTypes: patch.reportTypes,
        mailingLists: patch.mailingLists,
        lookbackDays: patch.lookbackDays,
        tlp: patch.tlp,
      };
      if (current.kind === "shadowserver") {
        Object.assign(fields, { apiUrl: patch.apiUrl, downloadUrl: patch.downloadUrl, schedule: patch.schedule });
        if (patch.apiKey || patch.secret) {
          // Only the one given changes: the other is read back from the sealed pair (or asked for).
          const before = current.credentials ? openCredentials(ctx.config, current.id, current.credentials) : null;
          const apiKey = patch.apiKey || before?.apiKey;
          const secret = patch.secret || before?.secret;
          if (!apiKey || !secret) {
            throw new AppError("validation", "Give both the API key and the secret", [
              { field: apiKey ? "secret" : "apiKey", message: "Shadowserver's API needs it" },
            ]);
          }
          fields.credentials = sealCredentials(ctx.config, current.id, { apiKey, secret });
          fields.apiKeyHint = apiKeyHint(apiKey);
        }
      } else if (patch.schedule) {
        throw new AppError("validation", "A push feed is not pulled: no schedule", [
          { field: "schedule", message: "a push feed is not pulled" },
        ]);
      }
      await updateFeedSourceRow(tx, input.id, fields);
      if (patch.rules) await setFeedRules(tx, input.id, patch.rules);
      await recordAudit(tx, actor, {
        action: "feed.update",
        subjectType: "feed_source",
        subjectId: input.id,
        details: { fields: changed(patch) },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(patch.name ?? "");
    throw err;
  }
  await syncFeedSchedule(ctx, input.id);
  return getFeedSource(ctx, { id: input.id });
}
