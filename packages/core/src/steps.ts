import { setImmediate as turn } from "node:timers/promises";

/**
 * Work over millions of rows cut into steps: the generator yields between steps (about STEP_ROWS rows each), so
 * the same code runs straight through where nothing else waits (an import) or in turns of the event loop
 * where requests do (the api loading the fallback or building the registry's matcher: seconds of work would
 * stall every request). Shared by reach and match.
 */
export type Steps<T> = Generator<void, T, void>;

export const STEP_ROWS = 1 << 14;

export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

export async function finishInTurns<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await turn();
  }
}
