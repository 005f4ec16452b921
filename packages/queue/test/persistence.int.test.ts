import { loadConfig } from "@baken/config";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { persistenceWarnings, redisPersistence } from "../src/index.ts";

describe("Redis persistence", () => {
  const url = loadConfig().redis.url;
  const admin = new Redis(url);
  afterAll(() => admin.disconnect());

  it("reads appendonly and maxmemory-policy as Redis has them", async () => {
    const [, appendonly] = (await admin.config("GET", "appendonly")) as string[];
    const [, evictionPolicy] = (await admin.config("GET", "maxmemory-policy")) as string[];
    const read = await redisPersistence(admin);
    expect(read).toEqual({ appendonly, evictionPolicy });
    expect(persistenceWarnings(read).some((w) => w.includes("appendonly off"))).toBe(appendonly === "no");
  });

  it("says it could not tell when CONFIG is not allowed (a managed Redis), without failing", async () => {
    // A user that may do anything but CONFIG, as managed Redis services hand out.
    const user = `baken-test-${randomUUID().slice(0, 8)}`;
    await admin.call("ACL", "SETUSER", user, "on", ">a long test password", "~*", "&*", "+@all", "-config");
    const limited = new Redis(url, { username: user, password: "a long test password" });
    try {
      const read = await redisPersistence(limited);
      expect(read).toEqual({ appendonly: null, evictionPolicy: null });
      expect(persistenceWarnings(read)).toEqual([
        "could not read Redis's configuration (CONFIG not allowed): make sure it runs with appendonly yes and maxmemory-policy noeviction",
      ]);
    } finally {
      limited.disconnect();
      await admin.call("ACL", "DELUSER", user);
    }
  });

  it("warns about an append-only file that is off and keys that may be evicted", () => {
    expect(persistenceWarnings({ appendonly: "yes", evictionPolicy: "noeviction" })).toEqual([]);
    expect(persistenceWarnings({ appendonly: "no", evictionPolicy: "allkeys-lru" })).toEqual([
      "Redis has appendonly off: a Redis restart loses the queues; run it with appendonly yes",
      "Redis evicts keys (maxmemory-policy allkeys-lru): jobs can vanish; run it with maxmemory-policy noeviction",
    ]);
  });
});
