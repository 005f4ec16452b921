import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/support/env.ts";

// Debian's Chromium, never a downloaded browser; flags keep it off the network this machine does not have.
export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // One stack, shared state (queues, mails): specs run one after another.
  workers: 1,
  timeout: 60_000,
  // A condition waited on, not a sleep: 5 s (Playwright's default) was too short for a page whose API call
  // queues behind the worker's jobs on a loaded 2-core machine (console-bounces' outcomes table, once).
  expect: { timeout: 15_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  outputDir: "test-results",
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-stack.ts",
    url: `${E2E.baseUrl}/readyz`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
