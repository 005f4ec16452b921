import { AppError } from "@baken/core";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { RipeImportFile } from "@baken/db";
import type { RipeDumpFile } from "./import-ripe-dump.ts";

/** Where an uploaded import's files wait for its job: `<RIPE_UPLOAD_DIR>/import-<id>/`. */
export const importDir = (uploadDir: string, importId: number) => join(uploadDir, `import-${importId}`);

/** A stored file's name: its position (files are read in the order given) and its name made safe. */
export const storedName = (index: number, name: string) =>
  `${String(index).padStart(3, "0")}-${basename(name).replace(/[^\w.-]/g, "_")}`;

/** Files on disk as the import reads them. */
export async function filesOnDisk(paths: { path: string; name: string }[]): Promise<RipeDumpFile[]> {
  return Promise.all(
    paths.map(async ({ path, name }) => {
      const info = await stat(path).catch(() => null);
      // A pipe too: `npm run ripe:import -- <(curl …)` reads the download as it comes.
      if (!info?.isFile() && !info?.isFIFO()) throw new AppError("bad_request", `${path}: no such file`);
      return { name, bytes: info.size, open: () => createReadStream(path, { highWaterMark: 256 * 1024 }) };
    }),
  );
}

/** The stored files of an uploaded import. */
export const storedFiles = (uploadDir: string, importId: number, files: RipeImportFile[]) =>
  filesOnDisk(
    files.map((f, i) => ({ path: join(importDir(uploadDir, importId), storedName(i, f.name)), name: f.name })),
  );

/** `BE,LU` (or `be lu`) as ISO codes; null for none. A 400 naming the field otherwise. */
export function parseCountries(text: string | null | undefined, field = "countries"): string[] | null {
  if (!text || text.trim() === "") return null;
  const codes = text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((c) => c.toUpperCase());
  const bad = codes.filter((c) => !/^[A-Z]{2}$/.test(c));
  if (bad.length > 0) {
    throw new AppError("validation", `${field}: not ISO 3166 country codes: ${bad.join(", ")}`, [
      { field, message: `two-letter country codes separated by commas (BE,LU), not ${bad.join(", ")}` },
    ]);
  }
  return [...new Set(codes)];
}
