import { loadConfig } from "@baken/config";
import { ensureDatabase, migrate, MIGRATIONS_DIR } from "@baken/db";
import { MailCatcher } from "@baken/testing";
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import pg from "pg";

// Starts Baken as a user runs it: the api and the worker as their own processes (what docker-compose does),
// plus, when asked, a local mail catcher so no mail leaves the machine. Used by the demo and the e2e suite.

export type StackOptions = {
  env: Record<string, string>;
  /** Drop the database and the Redis keys first: a run that starts from nothing. */
  reset?: boolean;
  catcher?: { smtpPort: number; httpPort: number };
  /** Before api and worker start, with the database migrated (seed data, create users). */
  beforeStart?: () => Promise<void>;
  quiet?: boolean;
};

const ROOT = new URL("../..", import.meta.url).pathname;

export async function startStack(options: StackOptions) {
  const env = { ...process.env, ...options.env } as Record<string, string>;
  const config = loadConfig(env);
  if (options.reset) await reset(config.databaseUrl, config.redis.url, config.redis.prefix);
  await ensureDatabase(config.databaseUrl);
  await migrate(config.databaseUrl, MIGRATIONS_DIR);
  const catcher = options.catcher
    ? await new MailCatcher().start(options.catcher.smtpPort, options.catcher.httpPort)
    : null;
  await options.beforeStart?.();

  const children: ChildProcess[] = [];
  let stopping = false;
  const run = (name: string, entry: string) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry], {
      cwd: ROOT,
      env,
      stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
    });
    child.on("exit", (code, signal) => {
      if (!stopping) {
        console.error(`${name} exited (${signal ?? code}); stopping`);
        void stop().then(() => process.exit(1));
      }
    });
    children.push(child);
  };
  run("api", "apps/api/src/server.ts");
  run("worker", "apps/worker/src/main.ts");
  await waitForHttp(`http://${config.http.host}:${config.http.port}/readyz`);

  async function stop() {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGTERM");
          }),
      ),
    );
    await catcher?.stop();
  }
  return { config, catcher, stop };
}

/** Ctrl-C / SIGTERM stop everything once, cleanly. */
export function stopOnSignals(stop: () => Promise<void>) {
  const handler = () => void stop().then(() => process.exit(0));
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}

async function waitForHttp(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function reset(databaseUrl: string, redisUrl: string, prefix: string) {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  await client.end();
  const redis = new Redis(redisUrl);
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  // Rate-limit counters use their own namespace.
  cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}-rl-*`, "COUNT", 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== "0");
  redis.disconnect();
}
