import { AppError, type FeedRule } from "@baken/core";
import { missingCampaigns, type Tx } from "@baken/db";

/** A rule naming a campaign that does not exist is a 400 naming the rule. */
export async function checkRules(tx: Tx, rules: FeedRule[] | undefined) {
  if (!rules?.length) return;
  const missing = new Set(
    await missingCampaigns(
      tx,
      rules.map((r) => r.campaignId),
    ),
  );
  const details = rules.flatMap((r, i) =>
    missing.has(r.campaignId) ? [{ field: `rules.${i}.campaignId`, message: "no such campaign" }] : [],
  );
  if (details.length > 0) throw new AppError("validation", "A rule names a campaign that does not exist", details);
}

export const nameTaken = (name: string) =>
  new AppError("conflict", `A feed named ${name} exists already`, [{ field: "name", message: "taken" }]);
