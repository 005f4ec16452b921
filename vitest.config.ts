import { defineConfig } from "vitest/config";

// unit: pure code, no services (packages/*/test/**/*.test.ts).
// integration: real PostgreSQL, Redis and an in-process SMTP server (**/*.int.test.ts); one fresh database
// and one Redis key prefix per run, made by the global setup.
//
// isolate: false (both suites): a worker imports Baken's modules once and runs its test files one after
// another with them, where by default each file starts a new process and imports everything again (Fastify,
// Prisma's client, BullMQ...): that import was most of the unit suite's time and over a third of the
// integration suite's. A file must then leave no module or global state behind: no hoisted vi.mock or stubbed
// global (eslint refuses them in tests), and close what it opens (apps, workers, servers, pools).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "apps/*/test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          isolate: false,
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
          // Two workers even on a 2-core machine (vitest's default there is one): most of a file's time is
          // spent waiting on child processes, SMTP, queues and PostgreSQL, not on its own CPU. Each worker has
          // its own copy of the migrated database (file-setup.ts); its files run one after another in it,
          // each seeding its own data.
          maxWorkers: 2,
          isolate: false,
        },
      },
    ],
  },
});
