import type { RowError } from "@baken/core";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { clientOf, type Tx } from "../transaction.ts";
import { copyValue } from "./copy-text.ts";

/** Row errors an upload's answer carries; the rest are stored with the list and paged by the API. */
export const FIRST_ERRORS = 100;
/** Error lines kept in memory before they go to a temporary file: a million bad rows weigh ~100 MB. */
const SPILL_AT_BYTES = 1024 * 1024;

/**
 * A list's row errors until the list is stored: the first FIRST_ERRORS for the answer; all of them as COPY
 * lines, in memory up to SPILL_AT_BYTES and in a temporary file beyond. The upload's connection is busy with
 * the exposures' COPY meanwhile, so they are written after it.
 */
export class ErrorSpool {
  readonly first: RowError[] = [];
  count = 0;
  private buffer: string[] = [];
  private size = 0;
  private file: { dir: string; path: string; out: WriteStream } | null = null;

  constructor(private readonly listId: string) {}

  /** Keeps an error; `spill` (awaited between chunks of the upload) moves them to disk past SPILL_AT_BYTES. */
  add(e: RowError): void {
    this.count++;
    if (this.first.length < FIRST_ERRORS) this.first.push(e);
    const line = `${this.listId}\t${e.line}\t${copyValue(e.field)}\t${copyValue(e.message)}\n`;
    this.buffer.push(line);
    this.size += line.length;
  }

  /** COPYs every error into list_error. */
  async store(tx: Tx): Promise<void> {
    if (this.count === 0) return;
    const copy = clientOf(tx).query(copyFrom(`COPY "list_error" ("list_id", "line", "field", "message") FROM STDIN`));
    await pipeline(Readable.from(this.chunks()), copy);
  }

  /** Removes the temporary file, if any; call whatever happened. */
  async close(): Promise<void> {
    if (!this.file) return;
    this.file.out.destroy();
    await rm(this.file.dir, { recursive: true, force: true });
    this.file = null;
  }

  async spill(): Promise<void> {
    if (this.size <= SPILL_AT_BYTES) return;
    if (!this.file) {
      const dir = await mkdtemp(join(tmpdir(), "baken-errors-"));
      const path = join(dir, "errors.copy");
      this.file = { dir, path, out: createWriteStream(path) };
    }
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.size = 0;
    const out = this.file.out;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
  }

  private async *chunks(): AsyncGenerator<string> {
    if (this.file) {
      const out = this.file.out;
      await new Promise<void>((r) => out.end(() => r()));
      for await (const chunk of createReadStream(this.file.path, { encoding: "utf8" })) yield chunk as string;
    }
    yield this.buffer.join("");
  }
}
