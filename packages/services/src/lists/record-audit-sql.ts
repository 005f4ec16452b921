import type pg from "pg";
import type { Actor } from "../context.ts";
import type { AuditEntry } from "../audit/record-audit.ts";

/** recordAudit for work done on a raw pg connection (COPY cannot go through Prisma): same row, same transaction. */
export async function recordAuditSql(
  client: Pick<pg.PoolClient, "query">,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await client.query(
    `INSERT INTO "audit_event" ("actor_id", "ip", "action", "subject_type", "subject_id", "details") VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      actor.id,
      actor.ip ?? null,
      entry.action,
      entry.subjectType,
      entry.subjectId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
