import { runProcess, startProcess } from "@baken/testing";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const WEB_DIST = fileURLToPath(new URL("../../apps/web/dist", import.meta.url));

// The image runs the bundles `npm run build:server` makes, with plain node.
describe("the bundled api and worker", () => {
  it("build, serve, find the files next to their sources, and close on SIGTERM", async () => {
    const build = await runProcess("scripts/build-server.mjs");
    expect(build.code, build.stderr).toBe(0);

    const api = startProcess("apps/api/dist/server.mjs", { PORT: "0", LOG_LEVEL: "info" });
    const worker = startProcess("apps/worker/dist/main.mjs", { LOG_LEVEL: "info" });
    try {
      const [, url] = await api.waitForOutput(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/);
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      const form = await fetch(`${url}/report`);
      expect(form.status).toBe(200);
      expect(await form.text()).toContain("<form");
      // Prisma's client, bundled too, answers: an unknown account is a 401.
      const login = await fetch(`${url}/api/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@test.example", password: "not a password of anyone" }),
      });
      expect(login.status).toBe(401);
      // apps/web/dist is found from the source's place, not the bundle's: served when built, else named.
      const consolePage = await fetch(`${url}/console/`);
      if (consolePage.status !== 200) expect(api.stdout).toContain(`"root":${JSON.stringify(WEB_DIST)}`);
      await worker.waitForOutput(/"msg":"worker ready"/);

      api.child.kill("SIGTERM");
      worker.child.kill("SIGTERM");
      expect(await api.exited).toEqual({ code: 0, signal: null });
      expect(await worker.exited).toEqual({ code: 0, signal: null });
    } finally {
      await api.stop();
      await worker.stop();
    }
  });
});
