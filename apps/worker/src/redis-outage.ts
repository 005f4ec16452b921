import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const CONNECTION_MESSAGES = /Connection is closed|connect ETIMEDOUT|ECONNREFUSED|ECONNRESET|EPIPE|getaddrinfo/;

const isConnectionError = (err: Error & { code?: unknown }) =>
  (typeof err.code === "string" && CONNECTION_CODES.has(err.code)) || CONNECTION_MESSAGES.test(err.message);

/**
 * While Redis is unreachable every BullMQ worker and connection reports each failed try, several a second per
 * queue: the outage would drown the log. It is logged once when it starts and once when Redis answers again;
 * other worker errors are logged as they come.
 */
export function logRedisOutages(redis: Redis, workers: Worker[], log: Logger) {
  let downSince: number | null = null;
  const failed = (err: Error, queue?: string) => {
    if (!isConnectionError(err) && redis.status === "ready") {
      log.error({ queue, err: err.message }, "worker error");
      return;
    }
    if (downSince !== null) return;
    downSince = Date.now();
    log.error({ err: err.message }, "Redis unreachable: jobs wait until it is back");
  };
  redis.on("error", (err: Error) => failed(err));
  redis.on("ready", () => {
    if (downSince === null) return;
    log.info({ downMs: Date.now() - downSince }, "Redis is back");
    downSince = null;
  });
  for (const worker of workers) worker.on("error", (err) => failed(err, worker.name));
}
