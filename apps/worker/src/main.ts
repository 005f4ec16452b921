import { persistenceWarnings, redisPersistence } from "@baken/queue";
import { closeGracefully, loadConfigOrExit } from "@baken/runtime";
import { startBounceIntake } from "./bounce-intake.ts";
import { createWorkerContext } from "./context.ts";
import { logger } from "./logger.ts";
import { startWorkers } from "./workers.ts";

const config = loadConfigOrExit();
const log = logger(config);
for (const warning of config.warnings) log.warn(warning);

const context = createWorkerContext(config);
const running = await startWorkers(context.ctx, context.redis, log);
const bounces = await startBounceIntake(context.ctx, log);
// Stop taking jobs and let active ones finish, then release the connections. A job still running at the
// deadline is cut: it returns to the queue and runs again (delivery's claim keeps it to one mail).
closeGracefully({
  log,
  deadlineMs: 30_000,
  steps: [
    // First: stop taking bounces and finish storing those taken, while the database is still there.
    { name: "bounce listener", run: async () => bounces?.close() },
    { name: "workers", run: running.close },
    { name: "connections", run: context.close },
  ],
});
log.info({ queues: running.workers.map((w) => w.name) }, "worker ready");
// A development Redis may lose its queues; a production one must not (README: deployment).
if (config.env === "production") {
  const persistence = await redisPersistence(context.redis);
  for (const warning of persistenceWarnings(persistence)) log.warn(warning);
  log.info(persistence, "checked Redis persistence");
}
