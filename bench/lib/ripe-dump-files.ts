import { delegatedStats, ripeDump, type RipeDumpOptions } from "@baken/testing";
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";

/**
 * Writes a generated RIPE dump's split files into `dir` (gzipped as RIPE publishes them unless `gzip` is
 * false) with RIPE's delegated statistics, once: a directory already complete is reused. Answers the
 * dump's files (not the statistics).
 */
export async function writeRipeDump(dir: string, options: RipeDumpOptions, gzip: boolean): Promise<string[]> {
  const done = join(dir, ".complete");
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const start = performance.now();
    for (const file of ripeDump(options)) {
      const out = join(dir, file.name + (gzip ? ".gz" : ""));
      const source = Readable.from(file.chunks(), { objectMode: false });
      if (gzip) await pipeline(source, createGzip({ level: 1 }), createWriteStream(out));
      else await pipeline(source, createWriteStream(out));
    }
    writeFileSync(join(dir, "delegated-ripencc-latest"), delegatedStats(options));
    writeFileSync(done, "");
    console.log(`generated ${dir} in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  }
  return readdirSync(dir)
    .filter((f) => f.startsWith("ripe.db."))
    .map((f) => join(dir, f));
}
