import type { ReadRange, StreamedRange } from "@baken/core";
import { finished } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { copyLines, unescapeCopy } from "../copy-lines.ts";
import type { RipeSession } from "./ripe-imports.ts";
import { copyValue, CopyWriter } from "../lists/copy-text.ts";

/**
 * PostgreSQL sorts the ranges: an external sort of a temporary table (no WAL, dropped with the session if
 * the process dies) in this much memory of the server's, spilling to its temporary files past it.
 */
const SORT_MEMORY = "64MB";

/**
 * The ranges of a RIPE dump being imported, kept out of the importing process: written to a temporary
 * table of the import's own connection (the one holding its lock) as they are read (RipeCollector's `ranges` sink), then read back
 * sorted per family, as ReachStream takes them. The process holds a COPY buffer, not the dump's ranges:
 * its memory does not grow with the dump.
 */
export async function withRipeStaging<T>(running: RipeSession, fn: (staging: RipeStaging) => Promise<T>): Promise<T> {
  const client = running as unknown as pg.PoolClient;
  {
    await client.query(`DROP TABLE IF EXISTS pg_temp."ripe_range"`);
    // IPv4: w0 the first address, "last" the last; IPv6: w0..w3 the prefix, "last" its length.
    await client.query(
      `CREATE TEMP TABLE "ripe_range" ("family" smallint, "seq" bigint, "w0" bigint, "w1" bigint, "w2" bigint,
         "w3" bigint, "last" bigint, "abuse_c" integer, "org" integer, "countries" text, "name" text)`,
    );
    const staging = new RipeStaging(client);
    try {
      return await fn(staging);
    } finally {
      await staging.close();
    }
  }
}

export class RipeStaging {
  private copy: ReturnType<typeof copyFrom> | null = null;
  private done: Promise<void> | null = null;
  private out: CopyWriter | null = null;
  private seq = 0;

  constructor(private readonly client: pg.PoolClient) {}

  /** Stores a range (RipeCollector's `ranges` sink); when `full`, await `flush` before the next bytes. */
  readonly add = (family: 4 | 6, r: ReadRange): void => {
    if (this.out === null) this.open();
    const w = r.words;
    const countries = r.countries.length > 0 ? r.countries.join(",") : "\\N";
    const name = r.name === null ? "\\N" : copyValue(r.name);
    const abuseC = r.abuseC < 0 ? "\\N" : r.abuseC;
    const org = r.org < 0 ? "\\N" : r.org;
    const words = family === 4 ? `${w[0]}\t\\N\t\\N\t\\N` : `${w[0]}\t${w[1]}\t${w[2]}\t${w[3]}`;
    this.out!.text(`${family}\t${this.seq++}\t${words}\t${r.last}\t${abuseC}\t${org}\t${countries}\t${name}\n`);
  };

  get full(): boolean {
    return this.out?.full ?? false;
  }

  async flush(): Promise<void> {
    await this.out?.flush();
  }

  /** Ends the writing: every range read is stored. */
  async finish(): Promise<void> {
    if (this.out === null) return;
    await this.out.end();
    await this.done;
    this.out = null;
  }

  /**
   * Reads one family's ranges back in RangeSweep's order, handing each to `each` (its object is reused),
   * and awaits `between` after each piece read (the caller's own COPY writes there).
   */
  async read(
    family: 4 | 6,
    inScope: (countries: readonly number[]) => boolean,
    each: (r: StreamedRange) => void,
    between: () => Promise<void>,
  ): Promise<void> {
    const order = family === 4 ? `"w0", "last" DESC, "seq"` : `"w0", "w1", "w2", "w3", "last", "seq"`;
    await this.client.query(`SET work_mem = '${SORT_MEMORY}'`);
    const words = new Uint32Array(family === 4 ? 1 : 4);
    const range: StreamedRange = { words, last: 0, abuseC: -1, org: -1, inScope: true, country: 0, name: null };
    const none: number[] = [];
    try {
      await copyLines(
        this.client,
        `SELECT "w0", "w1", "w2", "w3", "last", "abuse_c", "org", "countries", "name" FROM pg_temp."ripe_range"
          WHERE "family" = ${family} ORDER BY ${order}`,
        (f) => {
          words[0] = Number(f[0]);
          if (family === 6) {
            words[1] = Number(f[1]);
            words[2] = Number(f[2]);
            words[3] = Number(f[3]);
          }
          range.last = Number(f[4]);
          range.abuseC = f[5] === "\\N" ? -1 : Number(f[5]);
          range.org = f[6] === "\\N" ? -1 : Number(f[6]);
          const countries = f[7] === "\\N" ? none : f[7]!.split(",").map(Number);
          range.inScope = inScope(countries);
          range.country = countries[0] ?? 0;
          range.name = unescapeCopy(f[8]!);
          each(range);
        },
        between,
      );
    } finally {
      await this.client.query(`RESET work_mem`).catch(() => {});
    }
  }

  async close(): Promise<void> {
    if (this.copy !== null && this.out !== null) {
      this.copy.destroy(new Error("the RIPE import stopped"));
      await this.done?.catch(() => {});
    }
    await this.client.query(`DROP TABLE IF EXISTS pg_temp."ripe_range"`).catch(() => {});
  }

  private open(): void {
    const copy = this.client.query(
      copyFrom(
        `COPY pg_temp."ripe_range" ("family", "seq", "w0", "w1", "w2", "w3", "last", "abuse_c", "org", "countries", "name") FROM STDIN`,
      ),
    );
    this.copy = copy;
    this.done = finished(copy);
    this.done.catch(() => {});
    this.out = new CopyWriter(copy);
  }
}
