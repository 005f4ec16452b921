// A notice's kind and delivery status, as the database enums spell them.

/** An initial notice tells an owner about hosts; a reminder repeats its link for the hosts still seen. */
export const NOTICE_KINDS = ["initial", "reminder"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * queued → sending (claimed by a delivery) → sent, or failed for good, or bounced (no recipient reached:
 * refused by the relay, or reported failed later); see services/src/notices/README.md.
 */
export const NOTICE_STATUSES = ["queued", "sending", "sent", "failed", "bounced"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
