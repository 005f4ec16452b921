import { ConfigError, loadConfig, type Config } from "@baken/config";
import { ensureBootstrapAdmin } from "@baken/services";
import { buildApp } from "./app.ts";

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

const app = await buildApp({ config });
for (const warning of config.warnings) app.log.warn(warning);
const admin = await ensureBootstrapAdmin(app.ctx);
if (admin === "created") app.log.info({ email: config.bootstrapAdmin?.email }, "created the first admin");

// Close once: stop taking requests and let those in flight finish. Uploads still running when the grace period
// ends are aborted (rolled back, answered 503: a client can upload again, but not know what a cut connection
// kept); whatever still holds on after that is cut by the hard deadline.
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, "shutting down");
  const grace = config.http.shutdownGraceMs;
  setTimeout(() => {
    app.log.warn({ graceMs: grace }, "requests still running at the end of the grace period; aborting uploads");
    app.abortUploads();
  }, grace).unref();
  setTimeout(() => {
    app.log.error("shutdown took too long; exiting");
    process.exit(1);
  }, grace + 5_000).unref();
  await app.close();
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
process.on("uncaughtException", (err) => {
  app.log.fatal({ err }, "uncaught exception");
  process.exit(1);
});

await app.listen({ host: config.http.host, port: config.http.port });
