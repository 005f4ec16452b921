import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { clientOf, type Tx } from "../transaction.ts";
import { EXPOSURE_COPY_COLUMNS, EXPOSURE_COPY_OPTIONS, ExposureCopy } from "./exposure-copy.ts";
import { createListTable, settleListTable, type ListTableOptions } from "./list-tables.ts";

/**
 * Runs one COPY of a list's exposures into the list's own table (list-tables.ts): `write` fills the
 * ExposureCopy (flushing when it is `full`), then the COPY is ended and awaited, and the table settled
 * (a child of exposure for a big list, its rows moved into exposure for a small one). On any failure the
 * COPY is ended with that error (its connection then leaves COPY mode, so the transaction can roll back,
 * and the table with it) before the error goes on.
 */
export async function copyExposures<R>(
  tx: Tx,
  listId: string,
  write: (out: ExposureCopy) => Promise<R>,
  options: ListTableOptions = {},
): Promise<R> {
  const table = await createListTable(tx, listId);
  const copy = clientOf(tx).query(
    copyFrom(`COPY ${table} (${EXPOSURE_COPY_COLUMNS}) FROM STDIN WITH ${EXPOSURE_COPY_OPTIONS}`),
  );
  const copyDone = finished(copy);
  copyDone.catch(() => {});
  let result: R;
  try {
    const out = new ExposureCopy(copy);
    result = await write(out);
    await out.end();
    await copyDone;
  } catch (err) {
    copy.destroy(err instanceof Error ? err : new Error(String(err)));
    await copyDone.catch(() => {});
    throw err;
  }
  await settleListTable(tx, table, copy.rowCount, options);
  return result;
}
