import { loadConfig } from "@baken/config";
import { pino } from "pino";
import { createWorkerContext } from "../src/context.ts";
import { startWorkers } from "../src/workers.ts";

/** The real BullMQ workers, in the test process, sending to `smtpUrl` (an SmtpSink). Close it after the test. */
export async function startTestWorker(smtpUrl: string, env: Record<string, string> = {}) {
  const config = loadConfig({ ...process.env, SMTP_URL: smtpUrl, NOTICE_RATE_PER_SECOND: "0", ...env });
  const context = createWorkerContext(config);
  const running = await startWorkers(context.ctx, context.redis, pino({ level: "silent" }));
  return {
    ctx: context.ctx,
    async close() {
      await running.close();
      await context.close();
    },
  };
}
