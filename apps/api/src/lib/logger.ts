import type { Config } from "@baken/config";
import type { FastifyServerOptions } from "fastify";

/** pino options: request ids on every line, secrets and personal data redacted. */
export function loggerOptions(config: Config): FastifyServerOptions["logger"] {
  return {
    level: config.logLevel,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.password",
        "*.token",
        "*.passwordHash",
      ],
      censor: "[redacted]",
    },
  };
}
