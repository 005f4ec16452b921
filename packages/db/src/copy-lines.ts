import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

/**
 * Runs `COPY (query) TO STDOUT` on the client and hands each line of its text (fields split on tabs,
 * still escaped: see unescapeCopy) to `each`; awaits `between()` after each piece the server sent. Bytes
 * rather than rows through pg: no object per row, no round trip per batch (millions of rows).
 */
export async function copyLines(
  client: pg.PoolClient,
  query: string,
  each: (fields: string[]) => void,
  between: () => Promise<void> = async () => {},
): Promise<void> {
  const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
  let rest: Buffer | null = null;
  for await (const piece of stream as AsyncIterable<Buffer>) {
    const bytes: Buffer = rest === null ? piece : Buffer.concat([rest, piece]);
    // Whole lines only: a piece may end inside one, and inside a UTF-8 character.
    const end = bytes.lastIndexOf(10);
    rest = end + 1 < bytes.length ? bytes.subarray(end + 1) : null;
    if (end < 0) continue;
    for (const line of bytes.toString("utf8", 0, end).split("\n")) each(line.split("\t"));
    await between();
  }
}

const UNESCAPES: Record<string, string> = { t: "\t", n: "\n", r: "\r", "\\": "\\" };

/** A COPY text field's value: null for \N, escapes undone. */
export function unescapeCopy(field: string): string | null {
  if (field === "\\N") return null;
  return field.includes("\\") ? field.replace(/\\(.)/g, (_, c: string) => UNESCAPES[c] ?? c) : field;
}
