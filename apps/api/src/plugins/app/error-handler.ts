import { AppError, type ErrorCode } from "@baken/core";
import type { FastifyError } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
};

const NAME_BY_STATUS: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

/**
 * The one error handler: every failure leaves as { error, message, details? }. Client errors say what
 * was wrong and where; server errors say only which request failed (the log has the rest).
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof AppError) {
        const status = STATUS[err.code];
        if (err.code === "rate_limited") reply.header("retry-after", "60");
        return reply.status(status).send({ error: err.code, message: err.message, details: err.details });
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const details = err.validation.map((v) => ({
          field: [err.validationContext, ...v.instancePath.split("/").filter(Boolean)].join("."),
          message: v.message ?? "invalid",
        }));
        return reply.status(400).send({
          error: "validation",
          message: `Invalid request: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`,
          details,
        });
      }
      const status = err.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return reply.status(status).send({ error: NAME_BY_STATUS[status] ?? "bad_request", message: err.message });
      }
      request.log.error({ err }, "request failed");
      return reply
        .status(status >= 500 && status <= 599 ? status : 500)
        .send({ error: "internal", message: `Internal error; quote request id ${request.id} to the administrators` });
    });

    app.setNotFoundHandler((request, reply) =>
      reply
        .status(404)
        .send({ error: "not_found", message: `No route for ${request.method} ${request.url.split("?")[0]}` }),
    );
  },
  { name: "baken-error-handler" },
);
