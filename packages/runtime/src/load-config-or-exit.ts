import { ConfigError, loadConfig, type Config } from "@baken/config";

/**
 * The configuration, or the process ends (exit 1) with a message naming every variable at fault, before it
 * connects to anything: a process never runs half-configured.
 */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
}
