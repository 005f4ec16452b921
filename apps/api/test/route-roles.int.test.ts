import { loadConfig } from "@baken/config";
import type { FastifyInstance } from "fastify";
import { describe, expect, it, vi } from "vitest";
import { buildApp } from "../src/app.ts";

// One staff area replaced by a plugin with a route that forgot its role: the real app must refuse to start.
vi.mock("../src/routes/api/reports/index.ts", () => ({
  default: async (app: FastifyInstance) => {
    app.get("/forgotten", async () => ({ secret: true }));
  },
}));

describe("staff routes without a role", () => {
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
