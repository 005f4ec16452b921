import type { Db } from "../client.ts";
import { rows, type Tx } from "../transaction.ts";

// Signals: what needs a person, computed from the rows that raise it; only "handled" is stored
// (signal_handling, keyed by kind and subject id). Each kind is one branch of SIGNALS below.

export const SIGNAL_KINDS = ["owner_alert", "owner_claim", "notice_failed", "report_new", "list_rejected"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Notice statuses that mean the owner was not reached: each is a `notice_failed` signal. */
export const UNREACHED_NOTICE_STATUSES = ["failed", "bounced"];

/** Answers that call for staff at once: compromise found, or help asked. */
const ALERT = `(r.answer = 'needs_help' OR r.compromise = 'yes')`;
/** Answers that dispute the notice: the host is not theirs, or not vulnerable (never with a compromise). */
const CLAIM = `r.answer IN ('not_ours', 'false_positive')`;

// One row per signal. An owner's answer for several hosts at once is one signal (one notice, one instant, one
// answer), named by its first reply's id. $1: UNREACHED_NOTICE_STATUSES.
const SIGNALS = `
  SELECT 'owner_alert' AS kind, min(r.id)::text AS subject_id, r.at, n.organization_id, n.campaign_id, n.id AS notice_id,
         NULL::uuid AS report_id, NULL::uuid AS list_id, n.reference, r.answer::text AS answer,
         r.compromise::text AS compromise, max(r.comment) AS comment, count(*)::int AS count, NULL::text AS detail
    FROM remediation_reply r JOIN notice n ON n.id = r.notice_id
   WHERE ${ALERT}
   GROUP BY n.id, r.at, r.answer, r.compromise
  UNION ALL
  SELECT 'owner_claim', min(r.id)::text, r.at, n.organization_id, n.campaign_id, n.id, NULL, NULL, n.reference,
         r.answer::text, r.compromise::text, max(r.comment), count(*)::int, max(r.better_contact)
    FROM remediation_reply r JOIN notice n ON n.id = r.notice_id
   WHERE ${CLAIM}
   GROUP BY n.id, r.at, r.answer, r.compromise
  UNION ALL
  SELECT 'notice_failed', n.id::text, n.status_changed_at, n.organization_id, n.campaign_id, n.id, NULL, NULL, n.reference,
         NULL, NULL, NULL, n.host_count, coalesce(n.last_error, n.status::text)
    FROM notice n
   WHERE n.status::text = ANY($1::text[])
  UNION ALL
  SELECT 'report_new', r.id::text, r.created_at, r.organization_id, NULL, NULL, r.id, NULL, r.reference,
         NULL, NULL, NULL, NULL, concat_ws(' / ', r.rsit_class, r.rsit_type)
    FROM incident_report r
   WHERE r.status = 'new'
      OR EXISTS (SELECT 1 FROM signal_handling x WHERE x.kind = 'report_new' AND x.subject_id = r.id::text)
  UNION ALL
  SELECT 'list_rejected', l.id::text, l.created_at, NULL, l.campaign_id, NULL, NULL, l.id, l.file_name,
         NULL, NULL, NULL, l.rejected_count, NULL
    FROM exposure_list l
   WHERE l.rejected_count > 0`;

export type SignalRow = {
  kind: SignalKind;
  subjectId: string;
  at: Date;
  organization: { id: string; name: string } | null;
  campaign: { id: string; name: string } | null;
  noticeId: string | null;
  reportId: string | null;
  listId: string | null;
  /** A notice's or a report's reference, a list's file name. */
  reference: string | null;
  answer: string | null;
  compromise: string | null;
  comment: string | null;
  /** Hosts answered for, hosts in the notice, rows rejected. */
  count: number | null;
  /** The relay's last error, the report's RSIT class, a better contact the owner named. */
  detail: string | null;
  handled: { at: Date; note: string; by: { id: string; email: string; name: string } | null } | null;
};

export type SignalQuery = { state: "open" | "handled" | "all"; kind?: SignalKind; limit: number; offset: number };

/** Signals newest first, with their state, a page at a time, and how many match. */
export async function findSignals(db: Db, q: SignalQuery): Promise<{ total: number; signals: SignalRow[] }> {
  const found = await rows<SignalRow & { total: number }>(
    db,
    `WITH s AS (${SIGNALS})
     SELECT s.kind, s.subject_id AS "subjectId", s.at, s.notice_id AS "noticeId", s.report_id AS "reportId",
            s.list_id AS "listId", s.reference, s.answer, s.compromise, s.comment, s.count, s.detail,
            CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END AS organization,
            CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name) END AS campaign,
            CASE WHEN h.kind IS NULL THEN NULL ELSE json_build_object('at', h.handled_at, 'note', h.note, 'by',
              CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'email', u.email, 'name', u.name) END)
            END AS handled,
            count(*) OVER ()::int AS total
       FROM s
       LEFT JOIN signal_handling h ON h.kind = s.kind AND h.subject_id = s.subject_id
       LEFT JOIN staff_user u ON u.id = h.handled_by_id
       LEFT JOIN organization o ON o.id = s.organization_id
       LEFT JOIN campaign c ON c.id = s.campaign_id
      WHERE ($2 = 'all' OR ($2 = 'open') = (h.kind IS NULL)) AND ($3::text IS NULL OR s.kind = $3)
      ORDER BY s.at DESC, s.kind, s.subject_id
      LIMIT $4 OFFSET $5`,
    [UNREACHED_NOTICE_STATUSES, q.state, q.kind ?? null, q.limit, q.offset],
  );
  return {
    total: found[0]?.total ?? (q.offset > 0 ? await countSignals(db, q) : 0),
    signals: found.map(({ total: _total, handled, ...s }) => ({
      ...s,
      // Inside JSON the timestamp is text.
      handled: handled ? { ...handled, at: new Date(handled.at as unknown as string) } : null,
    })),
  };
}

async function countSignals(db: Db, q: SignalQuery): Promise<number> {
  const [r] = await rows<{ n: number }>(
    db,
    `WITH s AS (${SIGNALS})
     SELECT count(*)::int AS n FROM s LEFT JOIN signal_handling h ON h.kind = s.kind AND h.subject_id = s.subject_id
      WHERE ($2 = 'all' OR ($2 = 'open') = (h.kind IS NULL)) AND ($3::text IS NULL OR s.kind = $3)`,
    [UNREACHED_NOTICE_STATUSES, q.state, q.kind ?? null],
  );
  return r?.n ?? 0;
}

/** Open signals per kind: the navigation's counts. */
export async function countOpenSignals(db: Db): Promise<Record<SignalKind, number>> {
  const found = await rows<{ kind: SignalKind; n: number }>(
    db,
    `WITH s AS (${SIGNALS})
     SELECT s.kind, count(*)::int AS n
       FROM s LEFT JOIN signal_handling h ON h.kind = s.kind AND h.subject_id = s.subject_id
      WHERE h.kind IS NULL
      GROUP BY s.kind`,
    [UNREACHED_NOTICE_STATUSES],
  );
  const counts = Object.fromEntries(SIGNAL_KINDS.map((k) => [k, 0])) as Record<SignalKind, number>;
  for (const r of found) counts[r.kind] = r.n;
  return counts;
}

/** Whether this subject raises a signal of this kind now (what may be marked handled). */
export async function signalExists(conn: Db | Tx, kind: SignalKind, subjectId: string): Promise<boolean> {
  const [r] = await rows<{ ok: boolean }>(
    conn,
    `WITH s AS (${SIGNALS}) SELECT EXISTS (SELECT 1 FROM s WHERE s.kind = $2 AND s.subject_id = $3) AS ok`,
    [UNREACHED_NOTICE_STATUSES, kind, subjectId],
  );
  return r?.ok ?? false;
}

/** Marks a signal handled; undefined when it was already (the first hand's record stands). */
export async function insertSignalHandling(
  tx: Tx,
  input: { kind: SignalKind; subjectId: string; staffId: string | null; note: string },
) {
  const [r] = await rows<{ at: Date }>(
    tx,
    `INSERT INTO signal_handling (kind, subject_id, handled_by_id, note) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING handled_at AS at`,
    [input.kind, input.subjectId, input.staffId, input.note],
  );
  return r;
}
