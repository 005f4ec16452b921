export { closeGracefully, type ShutdownLog, type ShutdownStep } from "./close-gracefully.ts";
export { loadConfigOrExit } from "./load-config-or-exit.ts";
export { startPeriodic } from "./periodic.ts";
