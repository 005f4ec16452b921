import { AppError, type Actor } from "@baken/core";
import { insertRipeImport, recordAudit, withTransaction, type RipeImportFile } from "@baken/db";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Ctx } from "../context.ts";
import { importDir, storedName } from "./ripe-files.ts";

/**
 * An admin's upload of RIPE dump files: each file streams to RIPE_UPLOAD_DIR as it arrives (never whole in
 * memory), then `finish` records the import (queued) and enqueues its job; the worker imports it. Until
 * `finish`, the files are in a staging folder of their own that `discard` removes: an upload cut short
 * leaves no import and no files.
 */
export async function beginRipeUpload(ctx: Pick<Ctx, "db" | "config" | "producer">) {
  const { uploadDir, uploadMaxBytes } = ctx.config.reach;
  const staging = join(uploadDir, `staging-${randomUUID()}`);
  await mkdir(staging, { recursive: true });
  const files: RipeImportFile[] = [];
  let total = 0;

  return {
    async add(name: string, stream: Readable): Promise<void> {
      const index = files.length;
      const entry = { name: name || `file-${index + 1}`, bytes: 0 };
      files.push(entry);
      async function* limited(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          entry.bytes += chunk.length;
          total += chunk.length;
          if (total > uploadMaxBytes) {
            throw new AppError(
              "payload_too_large",
              `The files are larger than the ${uploadMaxBytes}-byte limit of a RIPE upload (RIPE_UPLOAD_MAX_BYTES)`,
            );
          }
          yield chunk;
        }
      }
      await pipeline(stream, limited, createWriteStream(join(staging, storedName(index, entry.name))));
    },

    async finish(actor: Actor, input: { countries: string[] | null }): Promise<number> {
      if (files.length === 0) throw new AppError("bad_request", "Send the RIPE dump's files in fields named `files`");
      const empty = files.filter((f) => f.bytes === 0);
      if (empty.length > 0) throw new AppError("bad_request", `Empty file: ${empty.map((f) => f.name).join(", ")}`);
      const importId = await withTransaction(ctx.db, async (tx) => {
        const id = await insertRipeImport(tx, {
          origin: "upload",
          files,
          countries: input.countries,
          createdById: actor.id,
        });
        await recordAudit(tx, actor, {
          action: "ripe.upload",
          subjectType: "ripe_import",
          subjectId: String(id),
          details: { files, countries: input.countries },
        });
        // In the transaction: if the folder cannot take its name, no import is recorded.
        await rename(staging, importDir(uploadDir, id));
        return id;
      });
      await ctx.producer.enqueue("import-ripe", { importId });
      return importId;
    },

    discard: () => rm(staging, { recursive: true, force: true }),
  };
}
