import { AppError } from "@baken/core";
import type { Multipart } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    /**
     * server.ts calls `abortUploads()` when the shutdown grace period ends with requests still running: every
     * multipart upload still being read fails with a 503 (its use case rolls back), so its client gets an
     * answer instead of a cut connection.
     */
    abortUploads(): void;
  }
}

export const shuttingDown = () =>
  new AppError("unavailable", "The server is shutting down; nothing was stored; upload again");

type Parts = FastifyRequest["parts"];

/**
 * request.parts() that stops when `signal` aborts: the part being waited for rejects, and the file being read
 * is destroyed with the error, so whatever reads it (a COPY, a buffer) fails and rolls back.
 */
function abortableParts(parts: Parts, signal: AbortSignal): Parts {
  return (options) => {
    const source = (parts(options) as AsyncIterable<Multipart>)[Symbol.asyncIterator]();
    return (async function* () {
      let current: Multipart | undefined;
      let stop = () => {};
      const aborted = new Promise<never>((_, reject) => {
        stop = () => {
          const err = shuttingDown();
          if (current?.type === "file") current.file.destroy(err);
          reject(err);
        };
      });
      aborted.catch(() => {});
      // Added while the parts are read and removed after: one listener per request left on the app-wide
      // signal grew without bound (MaxListenersExceededWarning).
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop, { once: true });
      try {
        for (;;) {
          const next = await Promise.race([source.next(), aborted]);
          if (next.done) return;
          current = next.value;
          yield current;
        }
      } finally {
        signal.removeEventListener("abort", stop);
        // Ends the parser's iterator; not awaited after an abort, when it may be waiting on a slow client.
        const ended = source.return?.();
        if (!signal.aborted) await ended;
        else ended?.catch(() => {});
      }
    })() as ReturnType<Parts>;
  };
}

export default fp(
  async (app) => {
    const controller = new AbortController();
    app.decorate("abortUploads", () => controller.abort());
    app.addHook("preValidation", async (request) => {
      if (typeof request.parts === "function" && request.isMultipart()) {
        request.parts = abortableParts(request.parts.bind(request), controller.signal);
      }
    });
    // An aborted upload's client may still be sending: the answer closes the connection rather than waiting
    // for the rest of the body, so the server can finish closing.
    app.addHook("onSend", async (_request, reply) => {
      if (controller.signal.aborted) reply.header("connection", "close");
    });
  },
  { name: "baken-shutdown" },
);
