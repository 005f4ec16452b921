// A contact's deliverability as staff read it (issue 15), as one JSON value of a contact row `c`.

/** What the delivery outcomes say of a contact: undeliverable since when and why, and its last failure. */
export type ContactHealth = {
  deliverable: boolean;
  undeliverableSince: string | null;
  reason: "permanent failure" | "repeated temporary failures" | null;
  noticeId: string | null;
  noticeReference: string | null;
  status: string | null;
  diagnostic: string | null;
  temporaryFailures: number;
  lastBounce: {
    at: string;
    noticeId: string;
    kind: "refused" | "failed" | "delayed";
    status: string | null;
    diagnostic: string | null;
  } | null;
};

export const contactHealthJson = (c: string) => `json_build_object(
  'deliverable', ${c}."undeliverable_since" IS NULL, 'undeliverableSince', ${c}."undeliverable_since",
  'reason', ${c}."undeliverable_reason", 'noticeId', ${c}."undeliverable_notice_id",
  'noticeReference', (SELECT x."reference" FROM "notice" x WHERE x."id" = ${c}."undeliverable_notice_id"),
  'status', ${c}."undeliverable_status", 'diagnostic', ${c}."undeliverable_diagnostic",
  'temporaryFailures', ${c}."temporary_failures",
  'lastBounce', (SELECT json_build_object('at', d."at", 'noticeId', d."notice_id", 'kind', d."kind", 'status', d."status",
                                         'diagnostic', d."diagnostic")
                   FROM "notice_delivery" d JOIN "notice" x ON x."id" = d."notice_id"
                  WHERE d."recipient" = lower(${c}."email") AND x."organization_id" = ${c}."organization_id"
                    AND d."kind" IN ('refused', 'failed', 'delayed')
                  ORDER BY d."at" DESC LIMIT 1))`;
