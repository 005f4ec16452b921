import { MATCH_REASONS, ROLES } from "@baken/core";
import { z } from "zod";

export const listParams = z.object({ id: z.uuid() });
const reason = z.enum(MATCH_REASONS);
const rowError = z.object({ line: z.number(), field: z.string(), message: z.string() });
const campaignHosts = z
  .object({ hosts: z.number(), created: z.number(), reopened: z.number(), gone: z.number() })
  .nullable();

const classification = z
  .object({ taxonomy: z.string(), type: z.string(), identifier: z.string().nullable() })
  .nullable();
/** What kind of report a list is: a Shadowserver report type, shodan or intelmq, or null (read by column names). */
const report = {
  reportType: z.string().nullable(),
  reportName: z.string().nullable(),
  severity: z.string().nullable(),
  classification,
};

export const uploadResult = z.object({
  ...report,
  id: z.uuid(),
  format: z.string(),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  errors: z.array(rowError),
  campaignHosts,
});

export const listRow = z.object({
  id: z.uuid(),
  fileName: z.string(),
  source: z.string().nullable(),
  format: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
  tlp: z.string(),
  campaignId: z.uuid().nullable(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  matchedAt: z.string().nullable(),
  /** When the online abuse-contact lookups after the upload finished; null: off (CONTACT_LOOKUP_ONLINE) or running. */
  contactsLookedUpAt: z.string().nullable(),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  ...report,
});

/** Whom the hosts reach: a registered organization, an abuse contact (by where it was found), nobody. */
export const coverage = z.object({
  registered: z.number(),
  abuseContact: z.number(),
  bySource: z.object({
    override: z.number().describe("a range's contact set by staff"),
    security_txt: z.number(),
    network: z.number(),
    asn: z.number(),
  }),
  nobody: z.number(),
});

export const listDetail = listRow.extend({
  summary: z.object({
    exposures: z.number(),
    matched: z.number(),
    unmatched: z.number(),
    byReason: z.object({
      manual: z.number(),
      domain: z.number(),
      network: z.number(),
      asn: z.number(),
      override: z.number(),
      security_txt: z.number(),
      abuse_network: z.number(),
      abuse_asn: z.number(),
    }),
    coverage,
    organizations: z.array(
      z.object({ id: z.uuid(), name: z.string(), count: z.number(), kind: z.enum(["registered", "abuse_contact"]) }),
    ),
  }),
});

/** A row as stored (an exposure) or as it would be (a preview's row), with whom it notifies. */
const storedRow = {
  line: z.number(),
  ip: z.string().nullable(),
  port: z.number().nullable(),
  protocol: z.string().nullable(),
  hostname: z.string().nullable(),
  asn: z.number().nullable(),
  seenAt: z.string().nullable(),
  tag: z.string().nullable(),
  version: z.string().nullable(),
  severity: z.string().nullable(),
  raw: z.record(z.string(), z.string()).nullable(),
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  matchReason: reason.nullable(),
};

export const exposure = z.object({
  id: z.number(),
  ...storedRow,
  candidates: z.array(
    z.object({ organizationId: z.uuid(), organizationName: z.string().nullable(), reason, detail: z.string() }),
  ),
});

const role = z.enum(ROLES).nullable();

export const previewResult = z.object({
  ...report,
  format: z.string().nullable(),
  delimiter: z.string().nullable(),
  kind: z.enum(["shadowserver", "intelmq", "shodan", "columns", "text"]).nullable(),
  reportTypeCandidates: z.array(z.string()),
  columns: z.array(
    z.object({ name: z.string(), role, by: z.enum(["report", "layout", "name", "mapping"]).nullable() }),
  ),
  rows: z.array(z.object({ ...storedRow, network: z.boolean() })),
  errors: z.array(rowError),
  problem: z.object({ message: z.string(), details: z.unknown() }).nullable(),
  partial: z.boolean(),
});

export const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
};

export const assignBody = z.object({
  organizationId: z.uuid(),
  exposureIds: z.array(z.number().int().positive()).max(100_000).optional(),
  ips: z.array(z.string().max(100)).max(100_000).optional(),
  hostnames: z.array(z.string().max(300)).max(100_000).optional(),
  by: z.enum(["ip", "hostname"]).optional(),
  registerNetwork: z.string().max(100).optional(),
  registerDomain: z.string().max(300).optional(),
});

export const assignResult = z.object({
  assignments: z.object({ ips: z.array(z.string()), hostnames: z.array(z.string()) }),
  registered: z.object({ network: z.string().nullable(), domain: z.string().nullable() }),
  exposures: z.number(),
  changed: z.number(),
});

export const rematchResult = z.object({ id: z.uuid(), exposures: z.number(), changed: z.number(), campaignHosts });
export const attachResult = z.object({ id: z.uuid(), campaignId: z.uuid(), campaignHosts: campaignHosts.unwrap() });

/** What deleting a list does (or would do) to its rows and its campaign's hosts. */
export const listDeletion = z.object({
  listId: z.uuid(),
  fileName: z.string(),
  exposures: z.number().describe("the list's stored rows, deleted with it"),
  campaign: z
    .object({
      id: z.uuid(),
      name: z.string(),
      newest: z.boolean().describe("the campaign's newest list"),
      otherLists: z.number(),
      notices: z.number(),
      hostsLeaving: z.number().describe("hosts only this list saw that no notice named: they leave the campaign"),
      hostsRelinked: z.number().describe("hosts another list of the campaign saw too: that list becomes their last"),
      hostsNamed: z.number().describe("hosts only this list saw that a notice named: the deletion is refused"),
    })
    .nullable(),
});
