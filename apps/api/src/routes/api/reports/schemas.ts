import { REPORT_LANGUAGES, REPORT_PRIORITIES, REPORT_STATUSES, RSIT_CLASSES, TLPS } from "@baken/core";
import { z } from "zod";

// Response shapes of the triage API: what staff see of a report (no attachment bytes, no submission key).

export const idParams = z.object({ id: z.uuid() });
export const langQuery = z.object({ lang: z.enum(REPORT_LANGUAGES).default("en") });

const rsit = z.object({
  class: z.string(),
  type: z.string().nullable(),
  className: z.string(),
  typeName: z.string().nullable(),
});
const staffRef = z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable();

export const reportSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(REPORT_STATUSES),
  language: z.enum(REPORT_LANGUAGES),
  createdAt: z.string(),
  reporterKind: z.string(),
  reporterKindName: z.string(),
  reporterName: z.string(),
  reporterEmail: z.string(),
  organizationName: z.string().nullable(),
  rsit,
  tlp: z.enum(TLPS),
  ongoing: z.boolean().nullable(),
  assignee: staffRef,
  priority: z.enum(REPORT_PRIORITIES),
  dueAt: z.string().nullable(),
  attachmentCount: z.number().int(),
});

export const reportNote = z.object({
  id: z.number().int(),
  body: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
});

export const reportDetail = reportSummary.extend({
  updatedAt: z.string(),
  reporterPhone: z.string().nullable(),
  reporterRole: z.string().nullable(),
  isVictim: z.boolean(),
  linkedOrganization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startedAt: z.string().nullable(),
  detectedAt: z.string().nullable(),
  description: z.string(),
  affectedSystems: z.string().nullable(),
  impact: z.array(z.string()),
  indicators: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  othersInformed: z.array(z.string()),
  expectations: z.string().nullable(),
  noticeReference: z.string().nullable(),
  resolution: z.string().nullable(),
  clientIp: z.string().nullable(),
  confirmationSentAt: z.string().nullable(),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
  notes: z.array(reportNote),
  replies: z
    .array(
      z.object({
        id: z.uuid(),
        body: z.string(),
        language: z.enum(REPORT_LANGUAGES),
        to: z.string(),
        author: z.object({ email: z.string(), name: z.string() }).nullable(),
        createdAt: z.string(),
        sentAt: z.string().nullable().describe("null: not mailed yet"),
        error: z.string().nullable().describe("why the relay refused it for good"),
      }),
    )
    .describe("replies to the reporter, oldest first"),
});

/** A day ("2026-11-23") as a bound: `from` starts it, `to` includes all of it. Timestamps are taken as they are. */
const dayOrInstant = (endOfDay: boolean) =>
  z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "a date (2026-11-23) or an ISO timestamp")
    .transform((s) => {
      const date = new Date(s);
      if (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(s)) date.setUTCDate(date.getUTCDate() + 1);
      return date;
    });

export const listQuery = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  rsitClass: z.enum(RSIT_CLASSES as [string, ...string[]]).optional(),
  rsitType: z.string().max(60).optional(),
  assigneeId: z.uuid().optional(),
  from: dayOrInstant(false).optional().describe("created on or after (a date or an ISO timestamp)"),
  to: dayOrInstant(true).optional().describe("created before; a bare date includes that whole day (UTC)"),
  q: z.string().max(200).optional().describe("words to find in reference, description, organization, reporter"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  lang: z.enum(REPORT_LANGUAGES).default("en").describe("language of the human names (RSIT, reporter kind)"),
});

export const reportChange = z
  .object({
    status: z.enum(REPORT_STATUSES).optional(),
    resolution: z.string().trim().min(1).max(5000).optional(),
    assigneeId: z.uuid().nullable().optional(),
    priority: z.enum(REPORT_PRIORITIES).optional(),
    dueAt: z
      .string()
      .refine((s) => !Number.isNaN(Date.parse(s)), "a date (2026-12-01) or an ISO timestamp")
      .transform((s) => new Date(s))
      .nullable()
      .optional()
      .describe("when it should be handled by; null clears it"),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), {
    message: "give a status, a resolution, an assigneeId, a priority or a dueAt",
  });
