import fp from "fastify-plugin";
import { once } from "node:events";
import type { AppContext } from "../../lib/context.ts";

declare module "fastify" {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** Makes the use-case context available to routes; closes the connections when the app closes. */
export default fp<{ context: AppContext; ownsContext: boolean }>(
  async (app, { context, ownsContext }) => {
    app.decorate("ctx", context);
    if (ownsContext) app.addHook("onClose", () => context.close());
    // The API's Redis connection fails fast rather than queueing commands while offline, so without this
    // wait the first requests after start (rate limits, login counters, enqueue, readyz) would find it still
    // connecting. Bounded, and an unreachable Redis does not stop the start: readyz reports it.
    if (context.redis.status !== "ready") {
      await once(context.redis, "ready", { signal: AbortSignal.timeout(3000) }).catch(() => {});
    }
  },
  { name: "baken-context" },
);
