import { createGunzip } from "node:zlib";
import { Readable } from "node:stream";
import { AppError } from "../errors.ts";

/** Chunks of a file handed in, gunzipped when it starts with gzip's magic bytes (1f 8b). */
export async function* gunzipIfNeeded(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  let head: Uint8Array = new Uint8Array(0);
  let done = false;
  while (head.length < 2 && !done) {
    const r = await it.next();
    if (r.done) done = true;
    else head = head.length === 0 ? r.value : Buffer.concat([head, r.value]);
  }
  const all = async function* () {
    if (head.length > 0) yield head;
    while (!done) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  };
  if (head[0] !== 0x1f || head[1] !== 0x8b) {
    yield* all();
    return;
  }
  // A stream transform in the same process: inflating 3 GB takes ~10 s of one core.
  const gunzip = Readable.from(all(), { objectMode: false }).pipe(createGunzip({ chunkSize: 256 * 1024 }));
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw new AppError("bad_request", `the file is not a valid gzip file: ${(error as Error).message}`);
  }
}

/**
 * Feeds a file to a reader (from `RipeCollector.reader`), gzipped or not. A push may return a promise
 * (the collector's `ranges` sink writing what it was handed): the next bytes wait for it.
 */
export async function readRpslStream(
  chunks: AsyncIterable<Uint8Array>,
  reader: { push(chunk: Uint8Array): void | Promise<void>; end(): void },
): Promise<void> {
  for await (const chunk of gunzipIfNeeded(chunks)) await reader.push(chunk);
  reader.end();
}
