import { runProcess } from "@baken/testing";
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
});
