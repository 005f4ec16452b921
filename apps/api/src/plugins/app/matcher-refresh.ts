import { startPeriodic } from "@baken/runtime";
import { getMatcher } from "@baken/services";
import fp from "fastify-plugin";

/**
 * Loads what changed in the registry and the fallback (a RIPE import, RDAP answers, a blocked mailbox) ahead
 * of the next upload: every MATCHER_REFRESH_SECONDS, two small reads tell whether anything did. An upload
 * otherwise loads it first, and the fallback of a real RIPE import takes 7-11 s to load: the first upload
 * after each day's import waited that long. Not at start (the first tick does it): the api is ready at once
 * and a short-lived instance (a test, a command) never loads it.
 */
export default fp(
  async (app) => {
    let closing = false;
    let refresh: ReturnType<typeof startPeriodic> | null = null;
    app.addHook("onReady", async () => {
      refresh = startPeriodic(
        app.ctx.config.matcher.refreshMs,
        () =>
          getMatcher(app.ctx).then(
            () => {},
            (err: Error) => {
              // Tried again at the next tick, or by the next upload, which would load it anyway.
              if (!closing) app.log.warn({ err: err.message }, "could not load the matcher's changes");
            },
          ),
        { now: false },
      );
    });
    // A load under way is not waited for: its connections close with the app, and it fails quietly.
    app.addHook("onClose", async () => {
      closing = true;
      void refresh?.stop();
    });
  },
  { name: "baken-matcher-refresh", dependencies: ["baken-context"] },
);
