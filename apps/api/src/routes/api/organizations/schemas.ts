import { z } from "zod";

export const language = z.enum(["nl", "fr", "de", "en"]);
export const idParams = z.object({ id: z.uuid() });

export const fallbackEmail = z
  .string()
  .max(320)
  .nullable()
  .describe("where a notice that reached none of the contacts is re-sent once (issue 15); null or empty: none");

export const contactHealth = z
  .object({
    deliverable: z
      .boolean()
      .describe("false: later notices leave it out until staff mark it fixed or change its address"),
    undeliverableSince: z.string().nullable(),
    reason: z.enum(["permanent failure", "repeated temporary failures"]).nullable(),
    noticeId: z.string().nullable().describe("the notice whose outcome decided it"),
    noticeReference: z.string().nullable(),
    status: z.string().nullable().describe("RFC 3463 status of that outcome, e.g. 5.1.1"),
    diagnostic: z.string().nullable().describe("the remote server's words"),
    temporaryFailures: z.number().describe("temporary failures in a row (3 over 24 hours count as permanent)"),
    lastBounce: z
      .object({
        at: z.string(),
        noticeId: z.string(),
        kind: z.enum(["refused", "failed", "delayed"]),
        status: z.string().nullable(),
        diagnostic: z.string().nullable(),
      })
      .nullable(),
  })
  .describe("what the delivery outcomes say of this contact (issue 15)");

export const contactView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["abuse", "security", "technical"]),
  language: language.nullable(),
  pgpPublicKey: z.string().nullable(),
  active: z.boolean(),
  health: contactHealth,
});

export const organizationView = z.object({
  id: z.uuid(),
  name: z.string(),
  sector: z.string().nullable(),
  country: z.string().nullable(),
  language,
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  contacts: z.array(contactView),
  delivery: z.object({
    fallbackEmail: z.string().nullable().describe("where a notice that reached none of the contacts is re-sent once"),
    noDeliverableContactSince: z.string().nullable().describe("a notice reached no one and had nowhere else to go"),
    noDeliverableContactNoticeId: z.string().nullable(),
  }),
  reach: z
    .object({
      kind: z.enum(["registered", "abuse_contact"]),
      abuseMailbox: z.string().nullable(),
      contactSource: z
        .string()
        .nullable()
        .describe("where the abuse mailbox was found: ripe, rdap, security_txt, override"),
      provenance: z.string().nullable(),
      blockedAt: z.string().nullable(),
      blockedReason: z.string().nullable(),
    })
    .describe("registered, or an abuse mailbox's organization made by the fallback, and whether it is blocked"),
  networks: z.array(z.object({ id: z.number(), cidr: z.string() })),
  asns: z.array(z.object({ id: z.number(), asn: z.number() })),
  domains: z.array(z.object({ id: z.number(), name: z.string() })),
});

/** An organization in the registry's list: its own fields and how many of each sub-resource it has. */
export const organizationRow = organizationView
  .pick({ id: true, name: true, sector: true, country: true, language: true, active: true })
  .extend({ counts: z.object({ contacts: z.number(), networks: z.number(), asns: z.number(), domains: z.number() }) });

export const contactBody = z.object({
  email: z.string().max(320),
  name: z.string().max(200).optional(),
  role: z.enum(["abuse", "security", "technical"]).optional(),
  language: language.nullable().optional(),
  pgpPublicKey: z.string().max(100_000).nullable().optional(),
  active: z.boolean().optional(),
});

export const importResult = z.object({
  format: z.enum(["ndjson", "csv"]),
  created: z.number(),
  updated: z.number(),
  rejected: z.number(),
  rejections: z.array(
    z.object({
      line: z.number(),
      errors: z.array(z.object({ line: z.number().optional(), field: z.string().optional(), message: z.string() })),
    }),
  ),
});
