import { z } from "zod";

// Every queue, every job name and its payload, in one place. Payloads carry ids, never secrets or
// rendered content: the handler reads the current state from the database.

export const QUEUES = {
  /** Notices and reminders to owners: rate-limited overall and per recipient domain. */
  notices: "notices",
  /**
   * Other outgoing mail (incident-report confirmations, replies to reporters): a victim's confirmation must not wait behind a
   * campaign of ten thousand notices in the notices queue's rate limit.
   */
  mail: "mail",
  /** Scheduled work: reminder rounds per campaign. */
  schedule: "schedule",
  /**
   * Feed pulls: a download of a large report takes minutes, and must hold up neither reminders nor mail.
   * One at a time per worker process.
   */
  feeds: "feeds",
  /** Reach (issue 14): RIPE imports (minutes of one core, ~400 MiB at the real size: one at a time). */
  reach: "reach",
  /**
   * Reach's online contact lookups after an upload (security.txt, RDAP): mostly waiting on other servers,
   * and rate-limited per server, so neither behind nor in front of a RIPE import.
   */
  lookups: "lookups",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const jobSchemas = {
  "deliver-notice": z.object({ noticeId: z.uuid() }),
  "confirm-report": z.object({ reportId: z.uuid() }),
  "reply-report": z.object({ replyId: z.uuid() }),
  "remind-campaign": z.object({ campaignId: z.uuid() }),
  /** `schedule`: by the source's job scheduler; `manual`: staff asked for it. */
  "pull-feed": z.object({ feedSourceId: z.uuid(), trigger: z.enum(["schedule", "manual"]).default("schedule") }),
  /** An uploaded RIPE dump (its files in RIPE_UPLOAD_DIR) to import. */
  "import-ripe": z.object({ importId: z.number().int().positive() }),
  /** A stored list's online abuse-contact lookups (CONTACT_LOOKUP_ONLINE), then its matches again. */
  "lookup-contacts": z.object({ listId: z.uuid() }),
} as const;

export type JobName = keyof typeof jobSchemas;
export type JobData<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;

/** Which queue carries each job. */
export const jobQueue: Record<JobName, QueueName> = {
  "deliver-notice": QUEUES.notices,
  "confirm-report": QUEUES.mail,
  "reply-report": QUEUES.mail,
  "remind-campaign": QUEUES.schedule,
  "pull-feed": QUEUES.feeds,
  "import-ripe": QUEUES.reach,
  "lookup-contacts": QUEUES.lookups,
};

/**
 * The job id for a job: derived from its business key, so adding the same work twice is a no-op while
 * the job exists. (BullMQ forbids ':' in custom ids; uuids have none.)
 */
export function jobId<N extends JobName>(name: N, data: JobData<N>): string {
  switch (name) {
    case "deliver-notice":
      return (data as JobData<"deliver-notice">).noticeId;
    case "confirm-report":
      return `report-${(data as JobData<"confirm-report">).reportId}`;
    case "reply-report":
      return `reply-${(data as JobData<"reply-report">).replyId}`;
    case "remind-campaign":
      return `remind-${(data as JobData<"remind-campaign">).campaignId}`;
    // A pull staff asked for: one waiting per source (the scheduler's runs have ids of BullMQ's own).
    case "pull-feed":
      return `pull-${(data as JobData<"pull-feed">).feedSourceId}`;
    case "import-ripe":
      return `ripe-import-${(data as JobData<"import-ripe">).importId}`;
    case "lookup-contacts":
      return `lookup-${(data as JobData<"lookup-contacts">).listId}`;
    default:
      throw new Error(`no job id rule for ${String(name)}`);
  }
}
