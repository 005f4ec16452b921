import { clientOf, type Tx } from "../transaction.ts";

/**
 * From this many rows a list keeps a table of its own, a child of exposure (README.md, "Storage"). Every
 * child costs every query on exposure a little planning and one more index probe per search, for as long as
 * the list is kept, so children are for the rare huge lists (a national list of exposed servers, a full
 * scan), not for a year of daily feeds: Shadowserver's daily reports for one country are mostly far below
 * this. Below it, inserting into exposure's indexes costs under a second; above it, building the indexes in
 * bulk saves seconds (about 5 s of a million rows).
 */
export const BIG_LIST_ROWS = 200_000;

export type ListTableOptions = {
  /** BIG_LIST_ROWS unless said (tests make a few rows big). */
  bigListRows?: number;
};

/**
 * Creates the table an upload COPYs its rows into: the list's own, shaped as exposure (ids from its
 * sequence), with no index yet and a CHECK that holds it to the list, so that a query naming another list
 * skips it (constraint exclusion). The list's id is the column's default, so the COPY leaves it out
 * (EXPOSURE_COPY_COLUMNS). Returns its name, quoted.
 */
export async function createListTable(tx: Tx, listId: string): Promise<string> {
  const client = clientOf(tx);
  const { rows } = await client.query<{ name: string }>(`SELECT exposure_list_table($1::uuid) AS "name"`, [listId]);
  const table = client.escapeIdentifier(rows[0]!.name);
  const id = `${client.escapeLiteral(listId)}::uuid`;
  await client.query(
    `CREATE TABLE ${table} (LIKE "exposure" INCLUDING DEFAULTS, CONSTRAINT "exposure_one_list" CHECK ("list_id" = ${id}))`,
  );
  await client.query(`ALTER TABLE ${table} ALTER COLUMN "list_id" SET DEFAULT ${id}`);
  return table;
}

/**
 * Once the rows are in: a big list's table gets exposure's indexes (built in bulk), its statistics, and
 * joins exposure as a child; a small list's rows move into exposure and its table goes, so exposure has
 * as many children as there are big lists.
 */
export async function settleListTable(
  tx: Tx,
  table: string,
  rows: number,
  { bigListRows = BIG_LIST_ROWS }: ListTableOptions = {},
): Promise<void> {
  const client = clientOf(tx);
  if (rows >= bigListRows) {
    await client.query(`SELECT exposure_sync_child_indexes($1::regclass)`, [table]);
    // What the upload's next statements and the first searches plan with: row counts and rough histograms,
    // from a sample of 3,000 rows (statistics target 10) instead of 30,000, which took 0.4-1.2 s of a
    // million-row upload instead of 40-60 ms. Autovacuum analyzes every column at the usual target soon
    // after (the rows count as changes since this ANALYZE).
    await client.query(
      `SET LOCAL "default_statistics_target" = 10; ANALYZE ${table} ("list_id", "ip", "hostname", "organization_id"); RESET "default_statistics_target"`,
    );
    await client.query(`ALTER TABLE ${table} INHERIT "exposure"`);
  } else {
    await client.query(`INSERT INTO "exposure" SELECT * FROM ${table}`);
    await client.query(`DROP TABLE ${table}`);
  }
}
