/**
 * Runs `task` every `everyMs` (0: never), and at once unless `now` is false, one run at a time: a run slower
 * than the interval skips the ticks it overlaps. `stop` waits for a run in progress.
 */
export function startPeriodic(everyMs: number, task: () => Promise<void>, { now = true } = {}) {
  if (everyMs === 0) return { stop: async () => {} };
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= task().finally(() => (running = null));
  };
  if (now) run();
  const timer = setInterval(run, everyMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
