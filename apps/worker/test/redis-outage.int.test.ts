import { loadConfig } from "@baken/config";
import { startProcess, waitFor } from "@baken/testing";
import { createServer, connect, type AddressInfo, type Socket } from "node:net";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The real Redis behind a switch: while "down" every connection is cut and every new one refused at once (and
 * counted), as when Redis restarts; "up" again, connections go through.
 */
async function redisSwitch(target: URL) {
  let down = false;
  let refused = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    if (down) {
      refused++;
      client.destroy();
      return;
    }
    const upstream = connect(Number(target.port || 6379), target.hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on("error", () => {});
      s.on("close", () => (open.delete(s), client.destroy(), upstream.destroy()));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get refused() {
      return refused;
    },
    cut() {
      down = true;
      for (const s of open) s.destroy();
    },
    restore() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), open.forEach((s) => s.destroy()))),
  };
}

describe("the worker while Redis is down", () => {
  const target = new URL(loadConfig().redis.url);
  let redis: Awaited<ReturnType<typeof redisSwitch>>;
  afterAll(() => redis?.close());

  it("logs the outage once and its end once, and still closes cleanly", async () => {
    redis = await redisSwitch(target);
    const worker = startProcess("apps/worker/src/main.ts", { REDIS_URL: redis.url, LOG_LEVEL: "info" });
    try {
      await worker.waitForOutput(/worker ready/);
      redis.cut();
      // Dozens of reconnection attempts: each used to be a log line per queue.
      await waitFor(() => redis.refused >= 40, { timeout: 30_000, what: "the worker trying to reconnect" });
      redis.restore();
      await worker.waitForOutput(/Redis is back/, 30_000);

      const lines = worker.stdout.split("\n").filter(Boolean);
      expect(lines.filter((l) => l.includes("Redis unreachable"))).toHaveLength(1);
      expect(lines.filter((l) => l.includes("Redis is back"))).toHaveLength(1);
      expect(lines.filter((l) => l.includes('"worker error"'))).toEqual([]);
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toEqual({ code: 0, signal: null });
    } finally {
      await worker.stop();
    }
  });
});
