import { loadConfig } from "@baken/config";
import { createDb } from "@baken/db";
import { createStaffUser } from "@baken/services";
import { startProcess, waitFor } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { request, type IncomingMessage } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { space } from "./fixtures.ts";
import { multipart } from "./upload.ts";

// The real entry point, started as `npm run start:api` does.
const SERVER = "apps/api/src/server.ts";

describe("api process shutting down during an upload", () => {
  const db = createDb(loadConfig().databaseUrl);
  afterAll(() => db.close());

  it("answers a still-running upload 503 at the end of the grace period, stores nothing, and exits", async () => {
    const api = startProcess(SERVER, {
      PORT: "0",
      LOG_LEVEL: "info",
      SHUTDOWN_GRACE_SECONDS: "1",
      RATE_LIMIT_PREFIX: `rl-${randomUUID()}`,
    });
    try {
      const [, url] = await api.waitForOutput(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      const email = `uploader-${randomUUID()}@test.example`;
      const password = "a long test password";
      await createStaffUser({ db }, { id: null }, { email, password, role: "analyst" });
      const login = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      const { token } = (await login.json()) as { token: string };

      // A slow client: the first half of the file now, the rest never.
      const s = space();
      const fileName = `shutdown-${randomUUID()}.csv`;
      const rows = Array.from({ length: 4000 }, (_, i) => `${s.v4}.${i % 250},${1000 + i}\n`).join("");
      const { payload, headers } = multipart([{ name: "file", fileName, content: `ip,port\n${rows}` }]);
      const upload = request(`${url}/api/lists`, {
        method: "POST",
        headers: { ...headers, authorization: `Bearer ${token}` },
      });
      // A connection cut without an answer fails here; once answered, the server closing it is expected.
      const answered = new Promise<IncomingMessage>((resolve, reject) => {
        upload.on("response", resolve);
        upload.on("error", reject);
      });
      upload.write(payload.subarray(0, payload.length / 2));
      await waitFor(
        async () =>
          (
            await db.pool.query(
              `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY "exposure%' AND state = 'active'`,
            )
          ).rowCount,
        { what: "the upload's COPY" },
      );

      api.child.kill("SIGTERM");
      const res = await answered;
      let body = "";
      for await (const chunk of res) body += chunk;
      expect(res.statusCode).toBe(503);
      expect(JSON.parse(body)).toEqual({
        error: "unavailable",
        message: "The server is shutting down; nothing was stored; upload again",
      });
      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(api.stdout).toContain("aborting uploads");
      expect(await db.prisma.exposureList.count({ where: { fileName } })).toBe(0);
      upload.destroy();
    } finally {
      await api.stop();
    }
  });
});
