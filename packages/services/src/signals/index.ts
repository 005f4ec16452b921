export { listSignals, countSignals } from "./list-signals.ts";
export { handleSignal } from "./handle-signal.ts";
