import { AppError, readSearchQuery } from "@baken/core";
import { searchEverything as searchDb } from "@baken/db";
import type { Ctx } from "../context.ts";

/** Everything touching what an analyst typed, grouped; what it was read as comes back with it. */
export async function searchEverything(ctx: Pick<Ctx, "db">, q: string) {
  const read = readSearchQuery(q);
  if (!read.ok) {
    throw new AppError("validation", `q: ${read.message}`, [{ field: "q", message: read.message }]);
  }
  return { query: read.query, ...(await searchDb(ctx.db, read.query)) };
}
