import { AppError } from "@baken/core";
import type { Multipart } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";

// PostgreSQL text cannot hold U+0000: a NUL that reached a query was a 500 (22021), before sign-in too. One
// hook refuses it everywhere, whatever the route's schema, before any handler runs; multipart fields, which
// handlers read as a stream, are checked as they are read. The answer names the field like a schema error.

const MESSAGE = "must not contain a NUL character (U+0000)";

/** The path of the first string holding a NUL in `value` (`body.contacts.0.email`), if any. */
export function nulPath(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [key, v] of Object.entries(value)) {
      const found = nulPath(key, `${path}.${key}`) ?? nulPath(v, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

export const nulError = (field: string) =>
  new AppError("validation", `Invalid request: ${field}: ${MESSAGE}`, [{ field, message: MESSAGE }]);

type Parts = FastifyRequest["parts"];

/** request.parts(), refusing a field (or a file name) with a NUL as soon as that part arrives. */
function guardedParts(parts: Parts): Parts {
  return (options) => {
    const source = parts(options);
    return (async function* () {
      for await (const part of source as AsyncIterable<Multipart>) {
        const field = `body.${part.fieldname}`;
        if (nulPath(part.fieldname, field)) throw nulError(field);
        if (part.type === "field" && nulPath(part.value, field)) throw nulError(field);
        if (part.type === "file" && nulPath(part.filename, field)) throw nulError(field);
        yield part;
      }
    })() as ReturnType<Parts>;
  };
}

export default fp(
  async (app) => {
    app.addHook("preValidation", async (request) => {
      const field =
        nulPath(request.params, "params") ?? nulPath(request.query, "querystring") ?? nulPath(request.body, "body");
      if (field) throw nulError(field);
      // Decorated only where @fastify/multipart is registered (list uploads, the report form).
      if (typeof request.parts === "function" && request.isMultipart()) {
        request.parts = guardedParts(request.parts.bind(request));
      }
    });
  },
  { name: "baken-refuse-nul" },
);
