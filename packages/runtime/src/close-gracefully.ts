/** What the helper logs through: pino's and Fastify's loggers both fit. */
export type ShutdownLog = {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
  fatal(details: object, message: string): void;
};

/** One stage of closing, awaited before the next: stop taking work, let it finish, release connections. */
export type ShutdownStep = { name: string; run: () => unknown };

/**
 * Closes the process on SIGTERM or SIGINT: the steps run once, in order, then the process exits (0, or 1 if
 * a step failed). A second signal does not start them again. Past `deadlineMs` the process exits 1 whatever
 * is still running, so a hung connection never outlives the orchestrator's patience; give it less than the
 * orchestrator's stop timeout. An uncaught exception ends the process at once (exit 1): its state is unknown.
 */
export function closeGracefully({
  log,
  deadlineMs,
  steps,
}: {
  log: ShutdownLog;
  deadlineMs: number;
  steps: ShutdownStep[];
}) {
  let closing = false;
  async function close(signal: NodeJS.Signals) {
    if (closing) {
      log.warn({ signal }, "already shutting down");
      return;
    }
    closing = true;
    log.info({ signal }, "shutting down");
    let current = "";
    setTimeout(() => {
      log.error({ deadlineMs, step: current }, "shutdown took too long; exiting");
      process.exit(1);
    }, deadlineMs).unref();
    let failed = false;
    for (const step of steps) {
      current = step.name;
      try {
        await step.run();
      } catch (err) {
        failed = true;
        log.error({ err, step: step.name }, "a shutdown step failed; going on with the next");
      }
    }
    process.exit(failed ? 1 : 0);
  }
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => void close(signal));
  process.on("uncaughtException", (err) => {
    log.fatal({ err }, "uncaught exception");
    process.exit(1);
  });
}
