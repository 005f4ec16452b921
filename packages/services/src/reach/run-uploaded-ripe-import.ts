import { AppError } from "@baken/core";
import { findRipeImport, type RipeImportRow } from "@baken/db";
import { rm } from "node:fs/promises";
import type { Ctx } from "../context.ts";
import { importRipeDump } from "./import-ripe-dump.ts";
import { importDir, storedFiles } from "./ripe-files.ts";

/**
 * The worker's job for an uploaded dump: imports its stored files, as the admin who uploaded them. The
 * files are removed once the import succeeded or was refused for its content (a 4xx: trying again would
 * be refused again); after any other failure they stay for the job's next attempt.
 */
export async function runUploadedRipeImport(
  ctx: Pick<Ctx, "db" | "config">,
  input: { importId: number },
): Promise<RipeImportRow> {
  const row = await findRipeImport(ctx.db, input.importId);
  if (!row) throw new AppError("not_found", `No RIPE import ${input.importId}`);
  if (row.status === "succeeded") return row;
  const dir = importDir(ctx.config.reach.uploadDir, input.importId);
  try {
    const files = await storedFiles(ctx.config.reach.uploadDir, input.importId, row.files);
    const result = await importRipeDump(ctx, { id: row.createdById }, { importId: input.importId, files });
    await rm(dir, { recursive: true, force: true });
    return result;
  } catch (err) {
    if (err instanceof AppError && err.code !== "unavailable") await rm(dir, { recursive: true, force: true });
    throw err;
  }
}
