import { notFound } from "@baken/core";
import { failInterruptedRipeImports, findRipeImport, findRipeImports, type RipeImportRow } from "@baken/db";
import type { Ctx } from "../context.ts";

export type RipeImportView = Omit<RipeImportRow, "dumpDate" | "createdAt" | "startedAt" | "finishedAt"> & {
  dumpDate: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export const ripeImportView = (r: RipeImportRow): RipeImportView => ({
  ...r,
  dumpDate: r.dumpDate?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** The imports, newest first; one whose process is gone no longer says running (failInterruptedRipeImports). */
export async function listRipeImports(ctx: Pick<Ctx, "db">): Promise<RipeImportView[]> {
  await failInterruptedRipeImports(ctx.db);
  return (await findRipeImports(ctx.db)).map(ripeImportView);
}

export async function getRipeImport(ctx: Pick<Ctx, "db">, id: number): Promise<RipeImportView> {
  await failInterruptedRipeImports(ctx.db);
  const row = await findRipeImport(ctx.db, id);
  if (!row) throw notFound(`RIPE import ${id}`);
  return ripeImportView(row);
}
