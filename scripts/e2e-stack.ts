import { loadConfig } from "@baken/config";
import { createDb } from "@baken/db";
import { createStaffUser } from "@baken/services";
import { E2E } from "../e2e/support/env.ts";
import { buildConsole } from "./lib/build-console.ts";
import { startStack, stopOnSignals } from "./lib/stack.ts";

// The stack the Playwright suite runs against: the console built from the current source, then a fresh
// database and Redis prefix every run with one staff user per role. The users are made before the API
// starts, so that when /readyz answers (Playwright's signal to begin) every account exists.
await buildConsole({ quiet: true });
const stack = await startStack({
  reset: true,
  catcher: { smtpPort: E2E.smtpPort, httpPort: E2E.catcherPort },
  env: E2E.env,
  quiet: true,
  beforeStart: async () => {
    const db = createDb(loadConfig({ ...process.env, ...E2E.env }).databaseUrl, { max: 1 });
    try {
      for (const [role, who] of [
        ["admin", E2E.admin],
        ["analyst", E2E.analyst],
        ["viewer", E2E.viewer],
      ] as const) {
        await createStaffUser({ db }, { id: null }, { ...who, role, name: `E2E ${role}` });
      }
    } finally {
      await db.close();
    }
  },
});
stopOnSignals(stack.stop);
console.log(`e2e stack ready on ${E2E.baseUrl}`);
