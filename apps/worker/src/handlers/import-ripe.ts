import { AppError } from "@baken/core";
import { runUploadedRipeImport } from "@baken/services";
import { UnrecoverableError } from "bullmq";
import type { Handler } from "./handler.ts";

/** An uploaded RIPE dump. A dump refused for its content is not tried again; a database outage is. */
export const importRipeHandler: Handler<"import-ripe"> = async (ctx, data) => {
  try {
    const done = await runUploadedRipeImport(ctx, data);
    return { status: done.status, prefixes: done.prefixCount, asns: done.asnCount };
  } catch (err) {
    if (err instanceof AppError && err.code !== "unavailable") throw new UnrecoverableError(err.message);
    throw err;
  }
};
