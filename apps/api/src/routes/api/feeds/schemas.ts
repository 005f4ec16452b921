import { FEED_KINDS, TLP_LEVELS } from "@baken/core";
import { z } from "zod";

export const feedParams = z.object({ id: z.uuid() });

const reportOutcome = z.object({
  id: z.string().nullable().describe("the publisher's report id"),
  type: z.string().nullable(),
  file: z.string(),
  outcome: z.enum(["ingested", "skipped", "failed"]),
  reason: z.string().optional(),
  listId: z.string().optional(),
  rows: z.number().optional(),
});

export const feedPull = z.object({
  id: z.number(),
  trigger: z.enum(["schedule", "manual", "push"]),
  attempt: z.number().describe("1, or the retry's number"),
  status: z.enum(["running", "succeeded", "failed"]),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  listed: z.number(),
  ingested: z.number(),
  skipped: z.number(),
  failed: z.number(),
  reports: z.array(reportOutcome),
});

export const feedSource = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(FEED_KINDS),
  enabled: z.boolean(),
  hasCredentials: z.boolean().describe("the API key and secret are stored (never answered)"),
  apiKeyHint: z.string().nullable().describe("the API key's last characters"),
  apiUrl: z.string().nullable(),
  downloadUrl: z.string().nullable(),
  reportTypes: z.array(z.string()),
  mailingLists: z.array(z.string()),
  schedule: z.string().nullable(),
  lookbackDays: z.number(),
  tlp: z.enum(TLP_LEVELS),
  rules: z.array(z.object({ reportType: z.string(), campaignId: z.uuid(), campaignName: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastPull: feedPull.nullable(),
  nextPullAt: z.string().nullable(),
});

export const feedSourceDetail = feedSource.extend({
  pulls: z.array(feedPull).describe("the latest runs, newest first"),
});
