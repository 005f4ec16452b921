import type pg from "pg";
import { withClientTransaction } from "./checkout.ts";
import type { Db } from "./client.ts";

declare const transaction: unique symbol;

/**
 * A transaction in progress, as the use cases hold it: something to hand to this package's query functions,
 * with no way to run a statement on it elsewhere (the SQL stays here). See README.md, "Transactions and locks".
 */
export type Tx = { readonly [transaction]: true };

/** The database, or a transaction in progress: what a query function that may run in either takes. */
export type Conn = Db | Tx;

export type TransactionOptions = {
  /** READ COMMITTED (PostgreSQL's default) unless a use case needs one snapshot for several reads. */
  isolation?: "read committed" | "repeatable read";
  readOnly?: boolean;
};

/**
 * `fn` in one transaction on a connection of its own: COMMIT when it returns, ROLLBACK when it throws. A lost
 * connection becomes AppError `unavailable` (503, "nothing was stored"). Enqueue jobs after it returns, never
 * inside: a job must not run before the rows it reads are committed.
 */
export function withTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  { isolation = "read committed", readOnly = false }: TransactionOptions = {},
): Promise<T> {
  const begin = `BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}${readOnly ? " READ ONLY" : ""}`;
  return withClientTransaction(db.pool, (client) => fn(client as unknown as Tx), { begin });
}

// Inside packages/db only (not exported by index.ts).

export type Sql = Pick<pg.PoolClient, "query">;

/** The connection a query runs on: the pool for the database, the transaction's own client for a Tx. */
export const sqlOf = (conn: Conn | Sql): Sql => ("prisma" in conn ? conn.pool : (conn as Sql));

/** A transaction's client, for what needs the client itself (COPY streams). */
export const clientOf = (tx: Tx): pg.PoolClient => tx as unknown as pg.PoolClient;

/** The rows of one statement. */
export async function rows<T extends object>(conn: Conn, text: string, params: unknown[] = []): Promise<T[]> {
  return (await sqlOf(conn).query<T & pg.QueryResultRow>(text, params)).rows;
}

/** How many rows one statement changed. */
export async function changed(conn: Conn, text: string, params: unknown[] = []): Promise<number> {
  return (await sqlOf(conn).query(text, params)).rowCount ?? 0;
}
