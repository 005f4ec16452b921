import { AppError, notFound, type Actor } from "@baken/core";
import { insertSignalHandling, recordAudit, signalExists, withTransaction, type SignalKind } from "@baken/db";
import type { Ctx } from "../context.ts";

/**
 * Marks a signal handled, with a note, audited. The first hand's record stands: a second is a 409 naming no
 * one's work lost. A subject that raises no such signal (a wrong id, a report already triaged) is a 404.
 */
export async function handleSignal(
  ctx: Pick<Ctx, "db">,
  actor: Actor,
  input: { kind: SignalKind; subjectId: string; note: string },
) {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await signalExists(tx, input.kind, input.subjectId)))
      throw notFound(`Signal ${input.kind} ${input.subjectId}`);
    const handled = await insertSignalHandling(tx, { ...input, staffId: actor.id });
    if (!handled) throw new AppError("conflict", `Signal ${input.kind} ${input.subjectId} is already handled`);
    await recordAudit(tx, actor, {
      action: "signal.handle",
      subjectType: input.kind,
      subjectId: input.subjectId,
      details: { note: input.note },
    });
    return { kind: input.kind, subjectId: input.subjectId, handledAt: handled.at.toISOString() };
  });
}
