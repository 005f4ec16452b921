import { AppError } from "@baken/core";
import type pg from "pg";

// A client checked out of the pool has no error listener of pg-pool's own while it is out: when the server
// ends its connection (a restart, pg_terminate_backend, a network cut), pg emits `error` on the client, and
// an `error` event nobody listens to is an uncaught exception that ends the process. Every checkout goes
// through here, so every checkout has a listener, gives its broken connection back as broken, and answers a
// lost connection as a 503 the client can act on rather than a 500 or a crash.

/** SQLSTATEs of a connection the server ended (57P0x: shut down or terminated) or that broke (08xxx). */
const LOST_CODES = new Set(["57P01", "57P02", "57P03", "08000", "08003", "08006"]);
const LOST_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Client was closed|not queryable/i;
/**
 * Socket errors count only when connecting: during the work pg reports its own socket's through the client's
 * `error` event, while an ECONNRESET thrown by `fn` may be another socket's (an upload's client gone).
 */
const CONNECT_ERRNOS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"]);

/** Whether `err` says the connection to PostgreSQL is gone (rather than that a statement failed). */
export function isConnectionLost(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (typeof e.code === "string" && LOST_CODES.has(e.code)) return true;
  return typeof e.message === "string" && LOST_MESSAGES.test(e.message);
}

const cannotConnect = (err: unknown) =>
  isConnectionLost(err) || CONNECT_ERRNOS.has(String((err as { code?: unknown } | null)?.code));

export const connectionLostError = () =>
  new AppError("unavailable", "The database connection was lost; nothing was stored; try again");

/**
 * Runs `fn` on a client of its own. While it is checked out the client has an error listener; a lost
 * connection (seen by that listener, or in the error `fn` throws) becomes AppError `unavailable` (503), and
 * the client goes back to the pool as broken, so it is closed rather than handed to the next caller.
 */
export function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return checkout(pool, (client) => fn(client));
}

/**
 * `fn` inside BEGIN … COMMIT on a client of its own (see withClient); any error rolls back. `begin` is the
 * opening statement, for another isolation level. Use cases open transactions with withTransaction
 * (transaction.ts), which is built on this; tooling and test seeds that write their own SQL use this one.
 */
export function withClientTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  { begin = "BEGIN" }: { begin?: string } = {},
): Promise<T> {
  return checkout(pool, async (client, markBroken) => {
    await client.query(begin);
    try {
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      // A connection that cannot even roll back is not handed to anyone else.
      await client.query("ROLLBACK").catch(markBroken);
      throw err;
    }
  });
}

async function checkout<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient, markBroken: (err: Error) => void) => Promise<T>,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw cannotConnect(err) ? connectionLostError() : err;
  }
  // `lost`: pg said the connection ended. `broken`: it must not be reused (lost, or it could not roll back).
  let lost = false;
  let broken: Error | undefined;
  const markBroken = (err: Error) => void (broken ??= err);
  const onError = (err: Error) => {
    lost = true;
    markBroken(err);
  };
  client.on("error", onError);
  try {
    return await fn(client, markBroken);
  } catch (err) {
    if (lost || isConnectionLost(err)) {
      markBroken(err instanceof Error ? err : new Error(String(err)));
      throw connectionLostError();
    }
    throw err;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}
