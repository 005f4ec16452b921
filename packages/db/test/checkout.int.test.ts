import { AppError } from "@baken/core";
import { loadConfig } from "@baken/config";
import { waitFor } from "@baken/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, withClient, withClientTransaction } from "../src/index.ts";

describe("a checked-out client whose connection the server ends", () => {
  const db = createDb(loadConfig().databaseUrl, { max: 3 });
  afterAll(() => db.close());

  it("fails its work with a 503 error, rolls back, and leaves the pool serving", async () => {
    const table = `checkout_${Date.now().toString(36)}`;
    await db.pool.query(`CREATE TABLE "${table}" (n int)`);
    let lostEvent = false;
    const work = withClientTransaction(db.pool, async (client) => {
      await client.query(`INSERT INTO "${table}" VALUES (1)`);
      client.once("error", () => (lostEvent = true));
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      // Killed while idle in its transaction: pg reports it as an `error` event, not through a query.
      await db.pool.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
      await waitFor(() => lostEvent, { what: "the client's error event" });
      await client.query(`INSERT INTO "${table}" VALUES (2)`);
    });
    const err = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: "unavailable",
      message: "The database connection was lost; nothing was stored; try again",
    });
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM "${table}"`);
    expect(rows[0]).toEqual({ n: 0 });
    // Every connection the pool hands out still works: the broken one was not given back.
    const pids = await Promise.all(
      [1, 2, 3].map(() => withClient(db.pool, async (c) => (await c.query("SELECT 1 AS one")).rows[0])),
    );
    expect(pids).toEqual([{ one: 1 }, { one: 1 }, { one: 1 }]);
    await db.pool.query(`DROP TABLE "${table}"`);
  });

  it("passes other errors through unchanged", async () => {
    const err = await withClientTransaction(db.pool, async (client) => client.query("SELECT 1/0")).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: "22012" });
    expect(err).not.toBeInstanceOf(AppError);
  });
});
