import { AppError } from "@baken/core";
import { parseListMeta, type ListMeta } from "@baken/services";
import type { FastifyRequest } from "fastify";
import { PassThrough, type Readable } from "node:stream";
import { finished } from "node:stream/promises";

/**
 * Runs `ingest` on the multipart upload's `file` part while it streams in, then hands it the form's other
 * fields (source, campaignId, tlp), which may come before or after the file. When ingest fails early
 * the rest of the file is drained, so the request ends cleanly with ingest's error.
 */
export async function readUpload<T>(
  request: FastifyRequest,
  maxBytes: number,
  ingest: (file: Readable, fileName: string, meta: Promise<ListMeta>) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart()) {
    throw new AppError(
      "unsupported_media_type",
      "Upload the list as multipart/form-data with the file in a field named `file`",
    );
  }
  const fields: Record<string, string> = {};
  let resolveMeta!: (m: ListMeta) => void;
  let rejectMeta!: (e: unknown) => void;
  const meta = new Promise<ListMeta>((resolve, reject) => ((resolveMeta = resolve), (rejectMeta = reject)));
  meta.catch(() => {});
  let pending: Promise<T> | undefined;
  try {
    // One byte over the limit reaches ingest, which answers the 413 itself with the limit named.
    for await (const part of request.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 10, parts: 12 } })) {
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" || pending) {
        part.file.resume();
        throw new AppError("bad_request", "Send exactly one file, in the field named `file`");
      }
      const file = part.file;
      // Ingest reads a pass-through, not busboy's stream: a consumer that stops early destroys what it
      // reads, and a destroyed part stalls the whole multipart parser. Here the part is drained instead.
      const body = new PassThrough({ highWaterMark: 256 * 1024 });
      file.pipe(body);
      // A part destroyed under it (the server shutting down) fails ingest with that error.
      file.once("error", (err) => body.destroy(err));
      pending = ingest(body, part.filename || "upload", meta);
      pending.catch(() => {
        file.unpipe(body);
        file.resume();
      });
      await Promise.race([finished(file).catch(() => {}), pending.catch(() => {})]);
    }
  } catch (err) {
    rejectMeta(err);
    // Ingest's own error names the limit or the line; the parser's (e.g. its byte cap) says less.
    const ingestError = pending
      ? await pending.then(
          () => null,
          (e: unknown) => e,
        )
      : null;
    throw ingestError ?? err;
  }
  if (!pending) throw new AppError("bad_request", "No file: send the list in a multipart field named `file`");
  try {
    resolveMeta(parseListMeta(fields));
  } catch (err) {
    rejectMeta(err);
  }
  return pending;
}
