import { AppError } from "@baken/core";
import { parseListMeta, parseReadFields, READ_FIELDS, type ListMeta, type ReadFields } from "@baken/services";
import type { FastifyRequest } from "fastify";
import { PassThrough, type Readable } from "node:stream";
import { finished } from "node:stream/promises";

const isReadField = (name: string) => (READ_FIELDS as readonly string[]).includes(name);

class LateField extends AppError {}

/**
 * Runs `ingest` on the multipart upload's `file` part while it streams in. The fields that say how to read
 * the file (reportType, columns) must come before it, and are handed over with it; the others (source,
 * campaignId, tlp) may come before or after, and arrive as `meta` once the form is read. When ingest
 * ends before the file does (a refusal, or a preview that has read enough), the rest of the file is
 * drained, so the request ends cleanly with ingest's answer.
 */
export async function readUpload<T>(
  request: FastifyRequest,
  maxBytes: number,
  ingest: (file: Readable, fileName: string, read: ReadFields, meta: Promise<ListMeta>) => Promise<T>,
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
        if (pending && isReadField(part.fieldname)) {
          throw new LateField(
            "bad_request",
            `${part.fieldname} came after the file: send reportType and columns before the file, they change how it is read`,
            [{ field: part.fieldname, message: "must come before the file" }],
          );
        }
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" || pending) {
        part.file.resume();
        throw new AppError("bad_request", "Send exactly one file, in the field named `file`");
      }
      const file = part.file;
      let read: ReadFields;
      try {
        read = parseReadFields(fields);
      } catch (err) {
        file.resume();
        throw err;
      }
      // Ingest reads a pass-through, not busboy's stream: a consumer that stops early destroys what it
      // reads, and a destroyed part stalls the whole multipart parser. Here the part is drained instead.
      const body = new PassThrough({ highWaterMark: 256 * 1024 });
      file.pipe(body);
      // A part destroyed under it (the server shutting down) fails ingest with that error.
      file.once("error", (err) => body.destroy(err));
      pending = ingest(body, part.filename || "upload", read, meta);
      const drain = () => {
        file.unpipe(body);
        file.resume();
      };
      pending.then(drain, drain);
      await Promise.race([finished(file).catch(() => {}), pending.catch(() => {})]);
    }
  } catch (err) {
    rejectMeta(err);
    // Ingest's own error names the limit or the line; the parser's (e.g. its byte cap) says less.
    // A reading field after the file is the reason, whatever ingest made of the file without it.
    const ingestError =
      pending && !(err instanceof LateField)
        ? await pending.then(
            () => null,
            (e: unknown) => e,
          )
        : null;
    if (pending && err instanceof LateField) await pending.catch(() => {});
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
