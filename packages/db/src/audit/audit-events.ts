import type { Actor } from "@baken/core";
import type { Db } from "../client.ts";
import { rows, type Conn } from "../transaction.ts";

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** Stored as JSON. */
  details?: Record<string, unknown>;
};

/**
 * The one writer of audit events. Call it with the transaction that makes the change, so a change is never
 * without its event (with the database itself only for what changes nothing but is worth knowing: a download).
 * An act through an API token is its creator's (actor_id) through that token (api_token_id).
 */
export async function recordAudit(conn: Conn, actor: Actor, entry: AuditEntry): Promise<void> {
  await rows(
    conn,
    `INSERT INTO "audit_event" ("actor_id", "api_token_id", "ip", "action", "subject_type", "subject_id", "details")
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      actor.id,
      actor.tokenId ?? null,
      actor.ip ?? null,
      entry.action,
      entry.subjectType,
      entry.subjectId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

export type AuditQuery = {
  subjectType?: string;
  subjectId?: string;
  /** an action ("report.assign") or a family of them ("report") */
  action?: string;
  /** who did it */
  actorId?: string;
  /** What was done through this API token. */
  tokenId?: string;
  /** at or after */
  from?: Date;
  /** before */
  to?: Date;
  before?: number;
  limit: number;
};

export type AuditRow = {
  id: number;
  at: Date;
  actorId: string | null;
  actor: string | null;
  actorName: string | null;
  token: { id: string; name: string } | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** what the subject is called now (an organization's name, a report's reference...), when it still exists */
  subjectName: string | null;
  details: unknown;
  ip: string | null;
};

// The subject's name, looked up by its type; ids of those types are uuids (audited by Baken's own code).
const SUBJECT_NAME = `CASE e.subject_type
  WHEN 'staff_user' THEN (SELECT coalesce(nullif(s.name, ''), s.email) FROM staff_user s WHERE s.id = e.subject_id::uuid)
  WHEN 'organization' THEN (SELECT o.name FROM organization o WHERE o.id = e.subject_id::uuid)
  WHEN 'campaign' THEN (SELECT c.name FROM campaign c WHERE c.id = e.subject_id::uuid)
  WHEN 'incident_report' THEN (SELECT r.reference FROM incident_report r WHERE r.id = e.subject_id::uuid)
  WHEN 'exposure_list' THEN (SELECT l.file_name FROM exposure_list l WHERE l.id = e.subject_id::uuid)
  WHEN 'api_token' THEN (SELECT t.name FROM api_token t WHERE t.id = e.subject_id::uuid)
  WHEN 'feed_source' THEN (SELECT f.name FROM feed_source f WHERE f.id = e.subject_id::uuid)
  WHEN 'notice' THEN (SELECT n.reference FROM notice n WHERE n.id = e.subject_id::uuid)
END`;

/** Newest first, filtered, with the names of who did it and of the subject; `before` pages by id. */
export async function findAuditEvents(db: Db, q: AuditQuery): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (q.subjectType) where.push(`e.subject_type = ${p(q.subjectType)}`);
  if (q.subjectId) where.push(`e.subject_id = ${p(q.subjectId)}`);
  if (q.action) {
    const a = p(q.action);
    where.push(`(e.action = ${a} OR e.action LIKE ${a} || '.%')`);
  }
  if (q.actorId) where.push(`e.actor_id = ${p(q.actorId)}::uuid`);
  if (q.tokenId) where.push(`e.api_token_id = ${p(q.tokenId)}::uuid`);
  if (q.from) where.push(`e.at >= ${p(q.from)}`);
  if (q.to) where.push(`e.at < ${p(q.to)}`);
  if (q.before) where.push(`e.id < ${p(q.before)}`);
  return rows<AuditRow>(
    db,
    `SELECT e.id, e.at, e.actor_id AS "actorId", a.email AS actor, nullif(a.name, '') AS "actorName",
            CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS token,
            e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId", ${SUBJECT_NAME} AS "subjectName",
            e.details, e.ip
       FROM audit_event e
       LEFT JOIN staff_user a ON a.id = e.actor_id
       LEFT JOIN api_token t ON t.id = e.api_token_id
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY e.id DESC
      LIMIT ${p(q.limit)}`,
    params,
  );
}
