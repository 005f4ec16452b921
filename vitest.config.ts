import { defineConfig } from "vitest/config";

// unit: pure code, no services (packages/*/test/**/*.test.ts).
// integration: real PostgreSQL, Redis and an in-process SMTP server (**/*.int.test.ts); one fresh database
// and one Redis key prefix per run, made by the global setup.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          // A guard against hangs, not a speed target (those are benchmarks): a loaded CI machine runs the
          // fuzz and source-scanning tests several times slower than a quiet one.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "integration",
          include: [
            "packages/*/test/**/*.int.test.ts",
            "apps/*/test/**/*.int.test.ts",
            "scripts/test/**/*.int.test.ts",
          ],
          globalSetup: ["packages/testing/src/global-setup.ts"],
          setupFiles: ["packages/testing/src/file-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Test files share one database: they run one after another, each seeding its own data.
          fileParallelism: false,
        },
      },
    ],
  },
});
