import fp from "fastify-plugin";
import { z } from "zod";

export const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});

const ERROR_CODES = [400, 401, 403, 404, 409, 413, 415, 429, 500, 503] as const;

/** Adds the shared error shape to every JSON route's response schema, so the OpenAPI document tells the truth. */
export default fp(
  async (app) => {
    app.addHook("onRoute", (route) => {
      if (!route.schema?.response) return;
      const response = route.schema.response as Record<string | number, unknown>;
      for (const code of ERROR_CODES) response[code] ??= errorBody;
    });
  },
  { name: "baken-error-schemas" },
);
