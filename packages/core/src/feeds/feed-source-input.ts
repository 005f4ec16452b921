import { z } from "zod";
import { TLP_LEVELS } from "../tlp.ts";
import { feedScheduleProblem } from "./feed-schedule.ts";

/** shadowserver: pulled from Shadowserver's Reports API on a schedule; push: reports arrive by POST. */
export const FEED_KINDS = ["shadowserver", "push"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** Longest look back of a pull, in days (Shadowserver keeps reports downloadable for a few weeks). */
export const FEED_MAX_LOOKBACK_DAYS = 30;

const reportTypeName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_]{1,100}$/, "a report type as Shadowserver names it, e.g. scan_exchange");

const baseUrl = z
  .url({ protocol: /^https?$/, error: "an http(s) address" })
  .transform((u) => (u.endsWith("/") ? u : `${u}/`));

const unique =
  <T>(key: (v: T) => string, what: string) =>
  (values: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (seen.has(key(v))) ctx.addIssue({ code: "custom", path: [i], message: `${what} ${key(v)} is given twice` });
      seen.add(key(v));
    });
  };

/** Report type → campaign: each report of that type joins the campaign; other types land unassigned. */
export const feedRuleSchema = z.object({ reportType: reportTypeName, campaignId: z.uuid() });
export type FeedRule = z.infer<typeof feedRuleSchema>;

const schedule = z
  .string()
  .trim()
  .nullable()
  .superRefine((cron, ctx) => {
    const problem = cron === null ? null : feedScheduleProblem(cron);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .describe("cron, in CERT_TIME_ZONE (0 6 * * *: every day at 06:00); null: only when asked");

const fields = {
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean(),
  /** Write-only: never answered by the API. Empty or absent on a change: the stored ones stay. */
  apiKey: z.string().trim().max(500),
  secret: z.string().trim().max(500),
  apiUrl: baseUrl.nullable().describe("null: Shadowserver's own (SHADOWSERVER_API_URL)"),
  downloadUrl: baseUrl.nullable().describe("null: Shadowserver's own (SHADOWSERVER_DOWNLOAD_URL)"),
  reportTypes: z
    .array(reportTypeName)
    .max(200)
    .superRefine(unique((t) => t, "report type"))
    .describe("only these report types; empty: all"),
  mailingLists: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .describe("only these of the account's report lists (Shadowserver's `reports`); empty: all"),
  schedule,
  lookbackDays: z.number().int().min(1).max(FEED_MAX_LOOKBACK_DAYS),
  tlp: z.enum(TLP_LEVELS),
  rules: z
    .array(feedRuleSchema)
    .max(500)
    .superRefine(unique((r) => r.reportType, "a rule for report type")),
};

/** A shadowserver feed needs its credentials; a push feed has none, and no schedule. */
function kindNeeds(
  f: { kind?: FeedKind; apiKey?: string; secret?: string; schedule?: string | null },
  ctx: z.RefinementCtx,
  creating: boolean,
) {
  if (f.kind === "push" && f.schedule) {
    ctx.addIssue({ code: "custom", path: ["schedule"], message: "a push feed is not pulled: no schedule" });
  }
  if (creating && f.kind === "shadowserver") {
    for (const field of ["apiKey", "secret"] as const) {
      if (!f[field]) ctx.addIssue({ code: "custom", path: [field], message: "Shadowserver's API needs it" });
    }
  }
}

export const feedSourceInputSchema = z
  .object({
    kind: z.enum(FEED_KINDS),
    name: fields.name,
    enabled: fields.enabled.default(true),
    apiKey: fields.apiKey.optional(),
    secret: fields.secret.optional(),
    apiUrl: fields.apiUrl.default(null),
    downloadUrl: fields.downloadUrl.default(null),
    reportTypes: fields.reportTypes.default([]),
    mailingLists: fields.mailingLists.default([]),
    schedule: fields.schedule.default(null),
    lookbackDays: fields.lookbackDays.default(2),
    tlp: fields.tlp.default("AMBER"),
    rules: fields.rules.default([]),
  })
  .superRefine((f, ctx) => kindNeeds(f, ctx, true));
export type FeedSourceInput = z.infer<typeof feedSourceInputSchema>;

/** A change: any subset; the kind stays what it was. */
export const feedSourcePatchSchema = z.object({
  name: fields.name.optional(),
  enabled: fields.enabled.optional(),
  apiKey: fields.apiKey.optional(),
  secret: fields.secret.optional(),
  apiUrl: fields.apiUrl.optional(),
  downloadUrl: fields.downloadUrl.optional(),
  reportTypes: fields.reportTypes.optional(),
  mailingLists: fields.mailingLists.optional(),
  schedule: fields.schedule.optional(),
  lookbackDays: fields.lookbackDays.optional(),
  tlp: fields.tlp.optional(),
  rules: fields.rules.optional(),
});
export type FeedSourcePatch = z.infer<typeof feedSourcePatchSchema>;

/** The last characters of an API key, to tell keys apart without showing one. */
export const apiKeyHint = (apiKey: string) => `…${apiKey.slice(-4)}`;
