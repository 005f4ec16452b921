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
  action?: string;
  /** What was done through this API token. */
  tokenId?: string;
  before?: number;
  limit: number;
};

/** Newest first, filtered; `before` pages by id. */
export async function findAuditEvents(db: Db, q: AuditQuery) {
  const events = await db.prisma.auditEvent.findMany({
    where: {
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      action: q.action,
      apiTokenId: q.tokenId,
      id: q.before ? { lt: q.before } : undefined,
    },
    orderBy: { id: "desc" },
    take: q.limit,
    include: { actor: { select: { email: true } }, apiToken: { select: { id: true, name: true } } },
  });
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor?.email ?? null,
    token: e.apiToken,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    details: e.details,
    ip: e.ip,
  }));
}
