import { notFound } from "@baken/core";
import { findRipeImport, findRipeImports, type RipeImportRow } from "@baken/db";
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

export async function listRipeImports(ctx: Pick<Ctx, "db">): Promise<RipeImportView[]> {
  return (await findRipeImports(ctx.db)).map(ripeImportView);
}

export async function getRipeImport(ctx: Pick<Ctx, "db">, id: number): Promise<RipeImportView> {
  const row = await findRipeImport(ctx.db, id);
  if (!row) throw notFound(`RIPE import ${id}`);
  return ripeImportView(row);
}
