import { startProcess, runProcess } from "@baken/testing";
import { describe, expect, it } from "vitest";

// The real entry point, started as `npm run start:api` does.
const SERVER = "apps/api/src/server.ts";

describe("api process", () => {
  it("refuses to start on a bad variable, naming it", async () => {
    const run = await runProcess(SERVER, { PORT: "abc" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Invalid configuration:\n\s+- PORT: /);
    expect(run.stdout).not.toContain("Server listening");
  });

  it("refuses to start in production without JWT_SECRET", async () => {
    const run = await runProcess(SERVER, { NODE_ENV: "production", JWT_SECRET: "" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("JWT_SECRET: is required when NODE_ENV=production");
  });

  it("refuses to start in production with the published development secret", async () => {
    const run = await runProcess(SERVER, {
      NODE_ENV: "production",
      JWT_SECRET: "baken-development-secret-do-not-use-in-production",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "JWT_SECRET: is Baken's published development secret, refused when NODE_ENV=production",
    );
    expect(run.stdout).not.toContain("Server listening");
  });

  it("serves, then closes cleanly on SIGTERM", async () => {
    const api = startProcess(SERVER, { PORT: "0", LOG_LEVEL: "info" });
    try {
      const [, url] = await api.waitForOutput(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(api.stdout).toContain("JWT_SECRET is not set");

      api.child.kill("SIGTERM");
      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(api.stdout).toMatch(/"signal":"SIGTERM".*"msg":"shutting down"/);
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      await api.stop();
    }
  });
});
