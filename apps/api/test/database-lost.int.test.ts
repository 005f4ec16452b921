import { waitFor } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { space } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { multipart, uploadList } from "./upload.ts";

/** The backend running this database's COPY into an exposure table (an upload's), once it is there. */
async function copyBackend(app: App): Promise<number> {
  return waitFor(
    async () => {
      const { rows } = await app.ctx.db.pool.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY "exposure%'`,
      );
      return rows[0]?.pid;
    },
    { what: "the upload's COPY" },
  );
}

describe("the database connection lost during an upload", () => {
  let app: App;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("answers 503, stores nothing, and the api keeps serving", async () => {
    const s = space();
    const fileName = `lost-${randomUUID()}.csv`;
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `${s.v4}.${(from + i) % 250},${1000 + from + i}\n`).join("");
    // The multipart body cut in two around the middle of the file: the second half is sent after the kill.
    const { payload, headers } = multipart([
      { name: "file", fileName, content: `ip,port\n${rows(0, 2000)}${rows(2000, 4000)}` },
    ]);
    const cut = payload.indexOf(`${s.v4}.${2000 % 250},3000\n`);
    const body = new PassThrough();
    const answer = app.inject({
      method: "POST",
      url: "/api/lists",
      headers: { ...bearer(analyst), ...headers },
      payload: body,
    });
    body.write(payload.subarray(0, cut));

    const pid = await copyBackend(app);
    await app.ctx.db.pool.query("SELECT pg_terminate_backend($1)", [pid]);
    body.end(payload.subarray(cut));

    const res = await answer;
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toEqual({
      error: "unavailable",
      message: "The database connection was lost; nothing was stored; try again",
    });
    const stored = await app.ctx.db.prisma.exposureList.count({ where: { fileName } });
    expect(stored).toBe(0);

    // The same app, the same pool: the next requests are served.
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/readyz" })).statusCode).toBe(200);
    const again = await uploadList(app, bearer(analyst), `ip,port\n${rows(0, 10)}`, {}, fileName);
    expect(again.statusCode, again.body).toBe(201);
  });
});
