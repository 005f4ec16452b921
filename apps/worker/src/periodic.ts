/**
 * Runs `task` now and every `everyMs` after (0: never), one run at a time: a run slower than the interval
 * skips the ticks it overlaps. `stop` waits for a run in progress.
 */
export function startPeriodic(everyMs: number, task: () => Promise<void>) {
  if (everyMs === 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= task().finally(() => (running = null));
  };
  run();
  const timer = setInterval(run, everyMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
