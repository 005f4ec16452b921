import { countOpenSignals, findSignals, type SignalQuery, type SignalRow } from "@baken/db";
import type { Ctx } from "../context.ts";

const view = (s: SignalRow) => ({
  ...s,
  at: s.at.toISOString(),
  handled: s.handled ? { ...s.handled, at: s.handled.at.toISOString() } : null,
});

/** What needs a person, newest first, with its state; and the open ones per kind (the navigation's counts). */
export async function listSignals(ctx: Pick<Ctx, "db">, q: SignalQuery) {
  const [{ total, signals }, open] = await Promise.all([findSignals(ctx.db, q), countOpenSignals(ctx.db)]);
  return { total, open, signals: signals.map(view) };
}

/** The open signals per kind, and their sum. */
export async function countSignals(ctx: Pick<Ctx, "db">) {
  const open = await countOpenSignals(ctx.db);
  return { open, total: Object.values(open).reduce((a, b) => a + b, 0) };
}
