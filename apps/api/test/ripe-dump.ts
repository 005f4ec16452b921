import { insertRipeImport } from "@baken/db";
import { importRipeDump } from "@baken/services";
import type { App } from "../src/app.ts";

/** One RPSL object as RIPE's split files write it: `attribute:` padded to 16, a blank line after. */
export const rpslObject = (...pairs: [string, string][]) =>
  pairs.map(([n, v]) => `${`${n}:`.padEnd(16)}${v}`).join("\n") + "\n\n";

/** Imports `dump` (RPSL text, latin-1 as RIPE writes it) as the command line does: it becomes the active import. */
export async function importRipeText(app: App, dump: string): Promise<void> {
  const importId = await insertRipeImport(app.ctx.db, { origin: "cli", files: [], countries: null, createdById: null });
  const bytes = Buffer.from(dump, "latin1");
  const file = {
    name: "ripe.db",
    bytes: bytes.length,
    async *open() {
      yield bytes;
    },
  };
  await importRipeDump(app.ctx, { id: null }, { importId, files: [file] });
}
