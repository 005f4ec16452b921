import type { RawReport } from "@baken/core";
import type {} from "@fastify/multipart";
import type { FastifyRequest } from "fastify";

export type ReceivedFile = { fileName: string; data: Buffer; tooLarge: boolean };

export type Submission = {
  fields: RawReport;
  files: ReceivedFile[];
  /** files sent beyond the allowed number: read and dropped, only counted */
  extraFiles: number;
};

/**
 * Reads the posted form, multipart (the browser form, with files) or urlencoded (no files). Files beyond
 * `maxFiles` are drained without being kept; a file over the size limit arrives cut at the limit and is
 * flagged (the multipart limits are set where the plugin is registered).
 */
export async function readSubmission(request: FastifyRequest, maxFiles: number): Promise<Submission> {
  // No prototype: a field named "__proto__" or "constructor" is just an unknown field.
  const fields: Record<string, string[]> = Object.create(null);
  const add = (name: string, value: string) => (fields[name] ??= []).push(value);
  if (!request.isMultipart()) {
    for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
      for (const v of Array.isArray(value) ? value : [value]) if (typeof v === "string") add(name, v);
    }
    return { fields, files: [], extraFiles: 0 };
  }
  const files: ReceivedFile[] = [];
  let extraFiles = 0;
  for await (const part of request.parts()) {
    if (part.type === "field") {
      if (typeof part.value === "string") add(part.fieldname, part.value);
      continue;
    }
    // An empty file input still sends a part, with no file name.
    if (!part.filename || files.length >= maxFiles) {
      if (part.filename) extraFiles++;
      for await (const _ of part.file); // drain
      continue;
    }
    const data = await part.toBuffer();
    files.push({ fileName: part.filename, data, tooLarge: part.file.truncated });
  }
  return { fields, files, extraFiles };
}
