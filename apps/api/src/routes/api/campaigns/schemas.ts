import { adviceByLanguageSchema, LANGUAGES, NOTICE_STATUSES, RSIT_CLASSES, RSIT_TYPES, TLP_LEVELS } from "@baken/core";
import { z } from "zod";
import { coverage } from "../lists/schemas.ts";

// Response shapes of the campaign routes: they list exactly what leaves the API.

export const campaignParams = z.object({ id: z.uuid() });

export const campaignBody = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  cves: z.array(z.string()),
  rsitClass: z.enum(RSIT_CLASSES).nullable().describe("null: not classified yet"),
  rsitType: z.enum(RSIT_TYPES).nullable(),
  rsitLabel: z.string().nullable().describe("the class and type in words (English)"),
  classificationIdentifier: z
    .string()
    .nullable()
    .describe("IntelMQ's identifier of the report type the classification was taken from (open-rdp...)"),
  classifiedFromListId: z.string().nullable().describe("the list the classification was taken from, if it was"),
  severity: z.string(),
  tlp: z.enum(TLP_LEVELS),
  advice: adviceByLanguageSchema,
  compromiseSince: z.string().nullable(),
  reminderEveryDays: z.number().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const campaignListBody = z.object({
  total: z.number(),
  campaigns: z.array(
    campaignBody.extend({ counts: z.object({ lists: z.number(), hosts: z.number(), notices: z.number() }) }),
  ),
});

export const campaignDetailBody = campaignBody.extend({
  lists: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      rowCount: z.number(),
      acceptedCount: z.number(),
      reportType: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  hosts: z.object({
    open: z.number(),
    notified: z.number(),
    remediated: z.number(),
    not_ours: z.number(),
    gone: z.number(),
    unmatched: z.number(),
  }),
  coverage: coverage.describe(
    "whom the campaign's hosts reach: a registered organization, an abuse contact (by source), nobody",
  ),
  notices: z.object({
    queued: z.number(),
    sending: z.number(),
    sent: z.number(),
    failed: z.number(),
    bounced: z.number(),
  }),
});

const skipped = z.array(
  z.object({
    organizationId: z.string(),
    name: z.string(),
    hosts: z.number(),
    reason: z.enum(["no_contact", "inactive"]),
  }),
);

export const previewRequest = z.object({
  organizationId: z.uuid().optional(),
  limit: z.number().int().min(0).max(1000).default(20),
  /** Render in this language instead of each organization's own: staff read the notice as it would go out in it. */
  language: z.enum(LANGUAGES).optional(),
});

export const previewBody = z.object({
  counts: z.object({
    notices: z.number(),
    hosts: z.number(),
    noContact: z.number(),
    inactive: z.number(),
    quietHosts: z.number(),
  }),
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      language: z.enum(LANGUAGES),
      recipients: z.array(z.string()),
      hosts: z.number(),
    }),
  ),
  skipped,
  notices: z.array(
    z.object({
      organization: z.object({ id: z.string(), name: z.string(), language: z.enum(LANGUAGES) }),
      recipients: z.array(z.string()),
      language: z.enum(LANGUAGES),
      hostCount: z.number(),
      subject: z.string(),
      text: z.string(),
      html: z.string(),
      attachment: z.object({
        filename: z.string(),
        contentType: z.string(),
        size: z.number(),
        rows: z.array(z.array(z.string())),
      }),
      xarf: z
        .object({
          attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
          reports: z.number(),
          refused: z
            .array(z.object({ host: z.string(), reason: z.string() }))
            .describe("the first hosts that get no X-ARF report, and why"),
          refusedCount: z.number(),
          omitted: z.boolean().describe("too many hosts: no X-ARF, the CSV only"),
        })
        .nullable()
        .describe("the X-ARF v4 reports the notice would carry; null: the campaign is not classified"),
    }),
  ),
});

export const sendBody = z.object({
  notices: z.number(),
  hosts: z.number(),
  noContact: z.number(),
  inactive: z.number(),
  quietHosts: z.number(),
  queued: z.number(),
  skipped,
});

export const requeueStuckBody = z.object({
  requeued: z.number().int().describe("notices without a live job, queued again"),
  live: z.number().int().describe("notices whose job a worker has or will take: left alone"),
  heldBack: z
    .number()
    .int()
    .describe("accepted by the mail server but not recorded: not sent again (that would mail twice)"),
});

export const noticesQuery = z.object({
  status: z.enum(NOTICE_STATUSES).optional(),
  language: z.enum(LANGUAGES).optional(),
  q: z.string().trim().min(1).max(200).optional().describe("part of the organization's name"),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/** What every view of a notice shows of it: the campaign's list of notices and one notice's page. */
export const noticeCore = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(NOTICE_STATUSES),
  recipients: z.array(z.string()),
  language: z.enum(LANGUAGES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  messageId: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  hostCount: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const noticesBody = z.object({
  counts: z.object({
    queued: z.number(),
    sending: z.number(),
    sent: z.number(),
    failed: z.number(),
    bounced: z.number(),
    total: z.number(),
  }),
  matching: z.number().describe("notices that match the filters (the pages' total)"),
  delivery: z
    .object({
      delivered: z.number().describe("sent, and reached at least one recipient as far as is known"),
      bounced: z.number().describe("reached none of their recipients"),
      redirected: z.number().describe("bounced, and re-sent once to the organization's fallback contact"),
      noContactLeft: z.number().describe("bounced, with no one else to send to: the organization is flagged"),
    })
    .describe("what became of the notices once they left (issue 15)"),
  notices: z.array(
    noticeCore.extend({
      kind: z.enum(["initial", "reminder"]),
      parentId: z.string().nullable(),
      organization: z.object({ id: z.string(), name: z.string() }),
      redirectOf: z.string().nullable().describe("the bounced notice this one re-sends to the fallback contact"),
      redirectId: z.string().nullable().describe("the redirect of this bounced notice, if any"),
    }),
  ),
});

const noticeRef = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(NOTICE_STATUSES),
  recipients: z.array(z.string()),
});

export const noticeDeliveryBody = noticeRef.extend({
  redirectOf: z.string().nullable().describe("the bounced notice this one re-sends to the fallback contact"),
  redirect: noticeRef.nullable().describe("this bounced notice re-sent once to the organization's fallback contact"),
  outcomes: z.array(
    z.object({
      recipient: z.string(),
      at: z.string(),
      kind: z.enum(["accepted", "refused", "failed", "delayed", "delivered", "auto-reply"]),
      stage: z.enum(["rcpt", "data", "report"]),
      status: z.string().nullable(),
      diagnostic: z.string().nullable(),
    }),
  ),
  messages: z
    .array(
      z.object({
        id: z.string(),
        receivedAt: z.string(),
        kind: z.enum(["bounce", "delay", "auto-reply", "unknown"]),
        layout: z.string().nullable(),
        tag: z.enum(["valid", "invalid", "none"]),
        fromAddress: z.string().nullable(),
        subject: z.string().nullable(),
        reason: z.string(),
        unattributed: z.array(z.object({ address: z.string(), status: z.string() }).passthrough()),
      }),
    )
    .describe("bounces and auto-replies that came back for this notice"),
});
