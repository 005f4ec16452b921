import { loadConfig } from "@baken/config";
import { runProcess, startProcess } from "@baken/testing";
import { createRedis } from "@baken/queue";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

// The real entry point, started as `npm run start:worker` does.
const MAIN = "apps/worker/src/main.ts";

describe("worker process", () => {
  it("refuses to start on a bad variable, naming it", async () => {
    const run = await runProcess(MAIN, { PORT: "abc" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Invalid configuration:\n\s+- PORT: /);
    expect(run.stdout).not.toContain("worker ready");
  });

  it("refuses to start in production without JWT_SECRET", async () => {
    const run = await runProcess(MAIN, { NODE_ENV: "production", JWT_SECRET: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("JWT_SECRET: is required when NODE_ENV=production");
  });

  it("in production, says at start whether Redis keeps the queues across a restart", async () => {
    const redis = createRedis(loadConfig().redis.url, "producer");
    await once(redis, "ready");
    const [, appendonly] = (await redis.config("GET", "appendonly")) as string[];
    redis.disconnect();
    const worker = startProcess(MAIN, { NODE_ENV: "production", JWT_SECRET: "p".repeat(40), LOG_LEVEL: "info" });
    try {
      await worker.waitForOutput(/checked Redis persistence/);
      expect(worker.stdout).toContain(`"appendonly":"${appendonly}"`);
      // This machine's Redis decides which way; the check must match it.
      expect(worker.stdout.includes("Redis has appendonly off")).toBe(appendonly === "no");
      worker.child.kill("SIGTERM");
      expect(await worker.exited).toEqual({ code: 0, signal: null });
    } finally {
      await worker.stop();
    }
  });
});
