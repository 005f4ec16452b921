import { createServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { buildTestApp } from "./helper.ts";

/** A port on this machine where nothing listens (taken, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("health endpoints", () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it("readyz is 200 when PostgreSQL and Redis answer", async () => {
    app = await buildTestApp();
    const res = await app.inject({ url: "/readyz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
    expect((await app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
  });

  it("readyz is 503 naming Redis when Redis is unreachable; healthz and sign-in-free routes still answer", async () => {
    app = await buildTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    const ready = await app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: "unavailable", postgres: "ok", redis: "down" });
    const health = await app.inject({ url: "/healthz" });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: "ok" });
    // Rate limiting fails open: the API keeps serving without Redis.
    expect((await app.inject({ url: "/api/auth/me" })).statusCode).toBe(401);
  });

  it("readyz is 503 naming PostgreSQL when the database is unreachable", async () => {
    app = await buildTestApp({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${await closedPort()}/baken` });
    const ready = await app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: "unavailable", postgres: "down", redis: "ok" });
    expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
  });
});
