import { loadConfig } from "@baken/config";
import { noticeToken, thanksKey } from "@baken/core";
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type App } from "../src/app.ts";
import { loggerOptions } from "../src/lib/logger.ts";

describe("the request log", () => {
  const lines: string[] = [];
  let app: App;
  beforeAll(async () => {
    const config = loadConfig({ ...process.env, LOG_LEVEL: "info", RATE_LIMIT_PREFIX: `rl-${randomUUID()}` });
    // The api's own logger options, writing here instead of to stdout.
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split("\n").filter(Boolean));
        done();
      },
    });
    const options = loggerOptions(config) as Record<string, unknown>;
    app = await buildApp({ config, logger: { ...options, stream } });
    await app.ready();
  });
  afterAll(() => app.close());

  it("holds no owner link token and no report confirmation key", async () => {
    const { config } = app.ctx;
    const token = noticeToken(config.notices.tokenSecret, randomUUID());
    const reference = "CERT-2026-000042";
    const key = thanksKey(config.reports.formSecret, reference);
    const requests = [
      { method: "GET" as const, url: `/r/${token}?lang=fr` },
      { method: "GET" as const, url: `/r/${token}/done` },
      { method: "POST" as const, url: `/r/${token}`, payload: { answer: "patched" } },
      { method: "GET" as const, url: `/r/${token}/anything/else` },
      { method: "GET" as const, url: `/report/thanks/${reference}?lang=nl&k=${key}` },
    ];
    for (const request of requests) await app.inject(request);

    const logged = lines.map((l) => JSON.parse(l) as { req?: { url: string }; msg: string });
    const urls = logged.filter((l) => l.req).map((l) => l.req!.url);
    expect(urls).toEqual([
      "/r/[redacted]?lang=fr",
      "/r/[redacted]/done",
      "/r/[redacted]",
      "/r/[redacted]/anything/else",
      `/report/thanks/${reference}?lang=nl&k=[redacted]`,
    ]);
    const all = lines.join("\n");
    expect(all).not.toContain(token);
    expect(all).not.toContain(key);
  });
});
