import { loadConfig } from "@baken/config";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { buildApp as BuildApp } from "../src/app.ts";

// One staff area replaced by a plugin with a route that forgot its role: the real app must refuse to start.
// Test files share their worker's modules (isolate: false in vitest.config.ts), so a hoisted vi.mock would
// come too late for an app an earlier file imported, and would stay for the files after this one: the app is
// imported afresh here with the mock, and the modules are reset again once the mock is gone.
const REPORTS = "../src/routes/api/reports/index.ts";

describe("staff routes without a role", () => {
  let buildApp: typeof BuildApp;
  beforeAll(async () => {
    vi.resetModules();
    vi.doMock(REPORTS, () => ({
      default: async (app: FastifyInstance) => {
        app.get("/forgotten", async () => ({ secret: true }));
      },
    }));
    ({ buildApp } = await import("../src/app.ts"));
  });
  afterAll(() => {
    vi.doUnmock(REPORTS);
    vi.resetModules();
  });

  it("fail the start, naming the route", async () => {
    const config = loadConfig();
    let app: Awaited<ReturnType<typeof buildApp>> | undefined;
    try {
      app = await buildApp({ config, logger: false });
      await app.ready();
    } catch (err) {
      expect((err as Error).message).toBe("staff route GET /api/reports/forgotten declares no role");
      return;
    } finally {
      await app?.close();
    }
    throw new Error("the app started with a staff route that declares no role");
  });
});
