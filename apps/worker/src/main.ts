import { ConfigError, loadConfig, type Config } from "@baken/config";
import { persistenceWarnings, redisPersistence } from "@baken/queue";
import { createWorkerContext } from "./context.ts";
import { logger } from "./logger.ts";
import { jobsWithoutHandler, startWorkers } from "./workers.ts";

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
const log = logger(config);
for (const warning of config.warnings) log.warn(warning);

const missing = jobsWithoutHandler();
if (missing.length > 0) {
  log.fatal({ missing }, "jobs without a handler");
  process.exit(1);
}

const context = createWorkerContext(config);
const running = await startWorkers(context.ctx, context.redis, log);
log.info({ queues: running.workers.map((w) => w.name) }, "worker ready");
// A development Redis may lose its queues; a production one must not (README: deployment).
if (config.env === "production") {
  const persistence = await redisPersistence(context.redis);
  for (const warning of persistenceWarnings(persistence)) log.warn(warning);
  log.info(persistence, "checked Redis persistence");
}

// Close once, within a deadline: stop taking jobs, let active ones finish, then release connections.
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log.info({ signal }, "worker shutting down");
  const deadline = setTimeout(() => {
    log.error("shutdown took too long; exiting (unfinished jobs return to the queue)");
    process.exit(1);
  }, 30_000).unref();
  await running.close();
  await context.close();
  clearTimeout(deadline);
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
process.on("uncaughtException", (err) => {
  log.fatal({ err }, "uncaught exception");
  process.exit(1);
});
