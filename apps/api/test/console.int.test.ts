import { loadConfig } from "@baken/config";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";

const build = (consoleDir: string, env: Record<string, string> = {}) =>
  buildApp({ config: loadConfig({ ...process.env, ...env }), logger: false, consoleDir }).then(
    async (app) => (await app.ready(), app),
  );

describe("the console under /console", () => {
  let dir: string;
  let app: App;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "baken-console-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(
      join(dir, "index.html"),
      '<!doctype html><title>console shell</title><script type="module" src="/console/assets/app-1a2b.js"></script>',
    );
    writeFileSync(join(dir, "assets", "app-1a2b.js"), "console.log('console code')");
    app = await build(dir, { MAIL_CATCHER_URL: "http://127.0.0.1:8025" });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("redirects / and /console to /console/", async () => {
    for (const url of ["/", "/console"]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("/console/");
    }
  });

  it("serves the shell for the console's own paths, never cached, under the CSP", async () => {
    for (const url of ["/console/", "/console/lists/42", "/console/campaigns/abc/progress?x=1"]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain("console shell");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    }
  });

  it("serves hashed assets for a year and a missing asset as a 404, not as the shell", async () => {
    const asset = await app.inject({ url: "/console/assets/app-1a2b.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe("console.log('console code')");
    expect(asset.headers["cache-control"]).toContain("immutable");
    const missing = await app.inject({ url: "/console/assets/gone-0000.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain("console shell");
  });

  it("serves a rebuild made while the API runs", async () => {
    writeFileSync(join(dir, "assets", "app-3c4d.js"), "console.log('rebuilt')");
    const res = await app.inject({ url: "/console/assets/app-3c4d.js" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe("console.log('rebuilt')");
  });

  it("tells the console which links to show", async () => {
    const res = await app.inject({ url: "/console/config.json" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ certName: expect.any(String), mailCatcherUrl: "http://127.0.0.1:8025" });
  });
});

describe("the console without a build", () => {
  it("explains how to build it instead of failing", async () => {
    const app = await build(join(tmpdir(), "baken-no-console-here"));
    try {
      const res = await app.inject({ url: "/console/lists" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain("npm run build -w @baken/web");
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
