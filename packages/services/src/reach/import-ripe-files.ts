import type { Actor } from "@baken/core";
import { insertRipeImport, type RipeImportRow } from "@baken/db";
import type { Ctx } from "../context.ts";
import { importRipeDump } from "./import-ripe-dump.ts";
import { filesOnDisk } from "./ripe-files.ts";

/** `npm run ripe:import`: the files on this machine, imported at once in this process. */
export async function importRipeFiles(
  ctx: Pick<Ctx, "db" | "config">,
  actor: Actor,
  input: { paths: string[]; countries: string[] | null },
): Promise<RipeImportRow> {
  const files = await filesOnDisk(input.paths.map((path) => ({ path, name: path.split(/[\\/]/).pop()! })));
  const importId = await insertRipeImport(ctx.db, {
    origin: "cli",
    files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
    countries: input.countries,
    createdById: actor.id,
  });
  return importRipeDump(ctx, actor, { importId, files });
}
