import type { Config } from "@baken/config";
import type { FastifyRequest, FastifyServerOptions } from "fastify";

const REDACTED = "[redacted]";

/**
 * A request's URL as the log may hold it: credentials carried in URLs are cut out. An owner's link
 * (`/r/<token>…`) is the owner's only key to their page, and the report confirmation's `k=` proves who
 * sent the report; a log line is read by more people, and kept longer, than either should reach.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(/^\/r\/[^/]+/, `/r/${REDACTED}`);
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => (/^(k|token)=/i.test(pair) ? `${pair.slice(0, pair.indexOf("="))}=${REDACTED}` : pair))
    .join("&");
  return `${path}?${query}`;
}

/** pino options: request ids on every line, secrets and personal data redacted, URLs without their tokens. */
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
      censor: REDACTED,
    },
    serializers: {
      // Fastify's own request serializer, with the URL redacted.
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
