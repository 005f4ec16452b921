import type { Prisma } from "@baken/db";
import type { Actor } from "../context.ts";

type Tx = Pick<Prisma.TransactionClient, "auditEvent">;

export type AuditEntry = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  details?: Prisma.InputJsonValue;
};

/** Call inside the transaction that makes the change, so a change is never without its audit event. */
export async function recordAudit(tx: Tx, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      ip: actor.ip ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      details: entry.details ?? {},
    },
  });
}
