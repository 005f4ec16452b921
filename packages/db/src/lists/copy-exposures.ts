import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { clientOf, type Tx } from "../transaction.ts";
import { EXPOSURE_COPY_COLUMNS, ExposureCopy } from "./exposure-copy.ts";

/**
 * Runs one COPY into exposure for a list: `write` fills the ExposureCopy (flushing when it is `full`), then
 * the COPY is ended and awaited. On any failure the COPY is ended with that error (its connection then leaves
 * COPY mode, so the transaction can roll back) before the error goes on.
 */
export async function copyExposures<R>(tx: Tx, listId: string, write: (out: ExposureCopy) => Promise<R>): Promise<R> {
  const copy = clientOf(tx).query(copyFrom(`COPY "exposure" (${EXPOSURE_COPY_COLUMNS}) FROM STDIN`));
  const copyDone = finished(copy);
  copyDone.catch(() => {});
  try {
    const out = new ExposureCopy(copy, listId);
    const result = await write(out);
    await out.end();
    await copyDone;
    return result;
  } catch (err) {
    copy.destroy(err instanceof Error ? err : new Error(String(err)));
    await copyDone.catch(() => {});
    throw err;
  }
}
