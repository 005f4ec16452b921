import { closeGracefully, loadConfigOrExit } from "@baken/runtime";
import { ensureBootstrapAdmin } from "@baken/services";
import { buildApp } from "./app.ts";

const config = loadConfigOrExit();
const app = await buildApp({ config });
for (const warning of config.warnings) app.log.warn(warning);
const admin = await ensureBootstrapAdmin(app.ctx);
if (admin === "created") app.log.info({ email: config.bootstrapAdmin?.email }, "created the first admin");

// Stop taking requests and let those in flight finish. Uploads still running when the grace period ends are
// aborted (rolled back, answered 503: a client can upload again, but not know what a cut connection kept);
// whatever still holds on 5 s after that is cut by the deadline. Closing the app also closes its database
// pool and Redis connection (plugins/app/context.ts).
const grace = config.http.shutdownGraceMs;
closeGracefully({
  log: app.log,
  deadlineMs: grace + 5_000,
  steps: [
    {
      name: "http",
      run: async () => {
        const abort = setTimeout(() => {
          app.log.warn({ graceMs: grace }, "requests still running at the end of the grace period; aborting uploads");
          app.abortUploads();
        }, grace).unref();
        await app.close();
        clearTimeout(abort);
      },
    },
  ],
});

await app.listen({ host: config.http.host, port: config.http.port });
