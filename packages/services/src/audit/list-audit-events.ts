import type { Ctx } from "../context.ts";

export type AuditQuery = { subjectType?: string; subjectId?: string; action?: string; before?: number; limit: number };

export async function listAuditEvents(ctx: Ctx, q: AuditQuery) {
  const events = await ctx.db.prisma.auditEvent.findMany({
    where: {
      subjectType: q.subjectType,
      subjectId: q.subjectId,
      action: q.action,
      id: q.before ? { lt: q.before } : undefined,
    },
    orderBy: { id: "desc" },
    take: q.limit,
    include: { actor: { select: { email: true } } },
  });
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor?.email ?? null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    details: e.details,
    ip: e.ip,
  }));
}
